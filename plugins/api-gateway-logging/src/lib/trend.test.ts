import { CoverageDay } from '@apigw-logging/plugin-api-gateway-logging-common';
import { dayLabel, trendPoints, trendSummary } from './trend';

const day = (
  d: string,
  checks: Array<[string, number, number]>,
): CoverageDay => ({
  day: d,
  stages: 4,
  checks: checks.map(([id, passing, applicable]) => ({
    id,
    passing,
    applicable,
  })),
});

const DAYS = [
  day('2026-11-02', [
    ['execution-logging', 2, 4],
    ['access-logging', 4, 4],
  ]),
  day('2026-11-01', [
    ['execution-logging', 1, 4],
    ['access-logging', 2, 4],
  ]),
  day('2026-11-03', [['execution-logging', 0, 0]]),
];

describe('coverage trend', () => {
  it('takes the share of applicable results passing, oldest day first', () => {
    expect(trendPoints(DAYS).map(p => [p.day, p.percent])).toEqual([
      ['2026-11-01', 37.5],
      ['2026-11-02', 75],
      ['2026-11-03', undefined],
    ]);
  });

  it('follows one check', () => {
    expect(trendPoints(DAYS, 'execution-logging').map(p => p.percent)).toEqual([
      25,
      50,
      undefined,
    ]);
    expect(trendPoints(DAYS, 'module-check').map(p => p.percent)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('says it in words', () => {
    expect(trendSummary(trendPoints(DAYS))).toBe(
      '75% on 2 Nov, up from 38% on 1 Nov.',
    );
    expect(trendSummary(trendPoints([DAYS[0], DAYS[1]]).reverse())).toBe(
      '75% on 2 Nov, up from 38% on 1 Nov.',
    );
    expect(trendSummary([])).toBe('No check applied in this period.');
    expect(trendSummary(trendPoints([DAYS[0]]))).toBe('75% on 2 Nov.');
    expect(dayLabel('2026-12-31')).toBe('31 Dec');
  });
});
