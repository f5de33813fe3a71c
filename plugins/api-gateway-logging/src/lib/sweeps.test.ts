import { cadence, sweepText } from './sweeps';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe('sweeps in words', () => {
  it.each([
    ['PT1H', 'hourly'],
    ['PT30M', 'every 30 minutes'],
    ['P1D', 'daily'],
    ['PT6H', 'every 6 hours'],
    ['nonsense', undefined],
    [undefined, undefined],
  ])('%s is %s', (frequency, text) => {
    expect(cadence(frequency)).toBe(text);
  });

  it('says how old the last sweep is, and when the next runs', () => {
    expect(
      sweepText(
        {
          running: false,
          lastStartedAt: ago(14),
          lastFinishedAt: ago(12),
          stages: 1234,
          frequency: 'PT1H',
        },
        NOW,
      ),
    ).toBe(
      'Checked 12 minutes ago by a sweep of 1,234 stages. Next sweep hourly.',
    );
    expect(
      sweepText(
        {
          running: true,
          lastFinishedAt: ago(70),
          nextStartAt: new Date(NOW + 48 * 60_000).toISOString(),
        },
        NOW,
      ),
    ).toBe(
      'Checked 1 hour ago by a sweep. A sweep is running now; the results update when it ends. Next sweep in 48 minutes.',
    );
    expect(sweepText({ running: false }, NOW)).toBe(
      'Not swept yet: each entity is read from AWS when it is shown.',
    );
  });
});
