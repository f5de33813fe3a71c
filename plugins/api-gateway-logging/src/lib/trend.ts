import { CoverageDay } from '@apigw-logging/plugin-api-gateway-logging-common';

/** One day of a coverage trend. */
export interface TrendPoint {
  /** `2026-11-30` (UTC). */
  day: string;
  passing: number;
  applicable: number;
  /** 0–100; undefined when nothing applied that day. */
  percent?: number;
}

/**
 * The share of applicable check results that passed, per day, over every
 * check or one: what the trend chart draws. Days come oldest first.
 */
export function trendPoints(
  days: CoverageDay[],
  checkId?: string,
): TrendPoint[] {
  return [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map(day => {
      const checks = checkId
        ? day.checks.filter(c => c.id === checkId)
        : day.checks;
      const passing = checks.reduce((n, c) => n + c.passing, 0);
      const applicable = checks.reduce((n, c) => n + c.applicable, 0);
      return {
        day: day.day,
        passing,
        applicable,
        percent:
          applicable === 0
            ? undefined
            : Math.round((passing / applicable) * 1000) / 10,
      };
    });
}

/**
 * The trend in words, for screen readers and a glance: `81% on 30 Nov, up
 * from 60% on 1 Nov`.
 */
export function trendSummary(points: TrendPoint[]): string {
  const known = points
    .filter(p => p.percent !== undefined)
    .sort((a, b) => a.day.localeCompare(b.day));
  if (known.length === 0) return 'No check applied in this period.';
  const last = known[known.length - 1];
  const first = known[0];
  const text = (p: TrendPoint) =>
    `${Math.round(p.percent!)}% on ${dayLabel(p.day)}`;
  if (known.length === 1 || first.day === last.day) return `${text(last)}.`;
  const delta = Math.round(last.percent!) - Math.round(first.percent!);
  let direction = 'unchanged from';
  if (delta > 0) direction = 'up from';
  else if (delta < 0) direction = 'down from';
  return `${text(last)}, ${direction} ${text(first)}.`;
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `28 Nov` for `2026-11-28`: a calendar day (UTC), in no zone. */
export function dayLabel(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[month - 1] ?? ''}`.trim();
}
