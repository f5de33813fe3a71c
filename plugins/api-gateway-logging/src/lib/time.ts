import { DateTime, Duration } from 'luxon';

/** The time ranges the failures view offers, in minutes. */
export const TIME_RANGES = [
  { id: '15m', label: 'Last 15 minutes', minutes: 15 },
  { id: '1h', label: 'Last hour', minutes: 60 },
  { id: '6h', label: 'Last 6 hours', minutes: 360 },
  { id: '24h', label: 'Last 24 hours', minutes: 1440 },
] as const;

/** One of {@link TIME_RANGES}. */
export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

/** The window of a range ending now, in epoch ms. */
export function windowOf(
  range: TimeRangeId,
  now: number = Date.now(),
): { from: number; to: number } {
  const minutes = TIME_RANGES.find(r => r.id === range)?.minutes ?? 60;
  return { from: now - minutes * 60_000, to: now };
}

/** `14:05:09` today, `Mar 3, 14:05:09` otherwise, in the viewer's zone. */
export function formatTime(ms: number): string {
  const time = DateTime.fromMillis(ms);
  return time.hasSame(DateTime.now(), 'day')
    ? time.toFormat('HH:mm:ss')
    : time.toFormat('LLL d, HH:mm:ss');
}

/** A full, unambiguous timestamp with the zone, for tooltips and headers. */
export function formatFullTime(ms: number): string {
  return DateTime.fromMillis(ms).toFormat('yyyy-LL-dd HH:mm:ss.SSS ZZZZ');
}

/** `Mar 3, 13:05 – 14:05` for a window. */
export function formatWindow(from: number, to: number): string {
  const start = DateTime.fromMillis(from);
  const end = DateTime.fromMillis(to);
  const startText = start.toFormat('LLL d, HH:mm');
  const endText = start.hasSame(end, 'day')
    ? end.toFormat('HH:mm')
    : end.toFormat('LLL d, HH:mm');
  return `${startText} – ${endText}`;
}

/** `250 ms`, `1.2 s`, `3 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return Duration.fromMillis(ms).shiftTo('minutes').toHuman({
    maximumFractionDigits: 0,
  });
}
