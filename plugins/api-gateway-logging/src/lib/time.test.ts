import {
  formatFullTime,
  formatTime,
  formatWindow,
  fromInputValue,
  toInputValue,
  zoneLabel,
} from './time';

// Formatted in UTC, so the expectations hold in any machine zone.
const T = Date.parse('2025-11-30T01:17:42.123Z');

describe('time zones', () => {
  it.each([
    ['utc', formatTime(T, 'utc', T), '01:17:42'],
    [
      'utc, another day',
      formatTime(T, 'utc', T + 86_400_000),
      'Nov 30, 01:17:42',
    ],
    ['full', formatFullTime(T, 'utc'), '2025-11-30 01:17:42.123 UTC'],
    ['window', formatWindow(T, T + 3_600_000, 'utc'), 'Nov 30, 01:17 – 02:17'],
    ['input', toInputValue(T, 'utc'), '2025-11-30T01:17'],
    ['label', zoneLabel('utc'), 'UTC'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('reads a form time in the chosen zone', () => {
    expect(fromInputValue('2025-11-30T01:17', 'utc')).toBe(
      Date.parse('2025-11-30T01:17:00Z'),
    );
    expect(fromInputValue('', 'utc')).toBeUndefined();
    expect(fromInputValue('nonsense', 'local')).toBeUndefined();
  });
});
