import {
  formatAge,
  formatBetween,
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

describe('when a change happened', () => {
  const at = (iso: string) => Date.parse(iso);
  const now = at('2026-11-30T12:00:00Z');
  it.each([
    [
      'within an hour',
      [at('2026-11-28T13:00:00Z'), at('2026-11-28T14:00:00Z')],
      'between 13:00 and 14:00 on 28 Nov',
    ],
    [
      'across midnight',
      [at('2026-11-27T23:00:00Z'), at('2026-11-28T01:00:00Z')],
      'between 27 Nov 23:00 and 28 Nov 01:00',
    ],
    [
      'another year',
      [at('2025-12-31T10:00:00Z'), at('2025-12-31T11:00:00Z')],
      'between 10:00 and 11:00 on 31 Dec 2025',
    ],
    [
      'first sighting',
      [undefined, at('2026-11-28T14:00:00Z')],
      'first seen 14:00 on 28 Nov',
    ],
  ] as const)('%s', (_name, [from, to], expected) => {
    expect(formatBetween(from, to, 'utc', now)).toBe(expected);
  });

  it('says how old a result is', () => {
    expect(formatAge(now - 20_000, now)).toBe('just now');
    expect(formatAge(now - 12 * 60_000, now)).toBe('12 minutes ago');
    expect(formatAge(now - 3 * 3_600_000, now)).toBe('3 hours ago');
  });
});
