import { categorizeAccessLogRecord } from './categorize';
import { parseAccessLogRecord } from './parseRecord';
import {
  MOJ_SAMPLE_RECORD,
  mojSampleEvent,
  readAccessFixture,
} from './__testUtils__/formats';

describe('parseAccessLogRecord', () => {
  it('reads a real JSON access-log event (console copy, pretty-printed)', () => {
    const record = parseAccessLogRecord(mojSampleEvent());
    expect(record).toMatchObject(MOJ_SAMPLE_RECORD);
    // "-" means unset, so no caller field is surfaced.
    expect(record?.errorMessage).toBeUndefined();
    expect(categorizeAccessLogRecord(record!)).toEqual({
      category: 'client-error',
      reason: 'Client error (400)',
    });
  });

  it('returns undefined for the real partial line that is not valid JSON', () => {
    const line = readAccessFixture('azul-6284-rest-access-log-line-PARTIAL.txt')
      .split('\n')
      .find(l => l.startsWith('{'))!;
    expect(parseAccessLogRecord(line)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['not JSON', 'not json'],
    ['an array', '[1,2]'],
    ['cut JSON', '{"a":'],
    ['a 100 kB line', 'x'.repeat(100000)],
    ['an empty object', '{}'],
  ])('never throws on %s', (_label, input) => {
    expect(() => parseAccessLogRecord(input)).not.toThrow();
  });

  it('redacts secrets in values', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const record = parseAccessLogRecord(
      JSON.stringify({
        requestId: 'r',
        status: '200',
        authorization: `Bearer ${jwt}`,
      }),
    );
    expect(JSON.stringify(record)).not.toContain(jwt);
  });
});
