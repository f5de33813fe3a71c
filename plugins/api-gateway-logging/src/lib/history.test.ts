import { StageChange } from '@apigw-logging/plugin-api-gateway-logging-common';
import { changeHeadline } from './history';

const version = (
  changes: StageChange['changes'],
  previousSeenAt?: string,
): StageChange => ({
  seenAt: '2026-11-28T14:00:00Z',
  previousSeenAt,
  status: 'fail',
  changes,
  // The backend's sentence, with its own zone: not shown.
  summary: 'Execution logging ERROR → OFF, between 13:00 and 14:00 UTC',
});

describe('what a version changed', () => {
  it.each([
    [
      [{ what: 'Execution logging', from: 'ERROR', to: 'OFF' }],
      'Execution logging ERROR → OFF',
    ],
    [
      [
        { what: 'Execution logging', from: 'ERROR', to: 'OFF' },
        { what: 'Access log format', from: 'JSON' },
      ],
      'Execution logging ERROR → OFF, and 1 more',
    ],
    [[{ what: 'X-Ray tracing', to: 'on' }], 'X-Ray tracing none → on'],
  ])('%j reads %s', (changes, text) => {
    expect(changeHeadline(version(changes, '2026-11-28T13:00:00Z'))).toBe(text);
  });

  it('names the first version, and a change without details', () => {
    expect(changeHeadline(version([]))).toBe('First seen');
    expect(changeHeadline(version([], '2026-11-28T13:00:00Z'))).toBe('Changed');
  });
});
