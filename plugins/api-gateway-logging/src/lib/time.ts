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

/** Whether a string from the URL is one of {@link TIME_RANGES}. */
export function isTimeRange(value: unknown): value is TimeRangeId {
  return TIME_RANGES.some(r => r.id === value);
}

/** The window of a range ending now, in epoch ms. */
export function windowOf(
  range: TimeRangeId,
  now: number = Date.now(),
): { from: number; to: number } {
  const minutes = TIME_RANGES.find(r => r.id === range)?.minutes ?? 60;
  return { from: now - minutes * 60_000, to: now };
}

/**
 * Which zone times are shown in: the viewer's own, or UTC (what AWS logs
 * and most tickets use). One choice for every time on every screen.
 */
export type TimeZoneChoice = 'local' | 'utc';

/** A time in the chosen zone. */
export function inZone(ms: number, zone: TimeZoneChoice): DateTime {
  return DateTime.fromMillis(ms, { zone: zone === 'utc' ? 'utc' : 'local' });
}

/**
 * The zone's name as shown beside times: `UTC`, or the viewer's zone with its
 * offset now, e.g. `Europe/Paris, UTC+01:00` (`UTC` when the viewer's zone
 * is UTC).
 */
export function zoneLabel(
  zone: TimeZoneChoice,
  now: number = Date.now(),
): string {
  if (zone === 'utc') return 'UTC';
  const local = DateTime.fromMillis(now);
  const offset = local.offset === 0 ? 'UTC' : `UTC${local.toFormat('ZZ')}`;
  const name = local.zoneName;
  return name && !/^(Etc\/)?(UTC|GMT)$/.test(name)
    ? `${name}, ${offset}`
    : offset;
}

/** `14:05:09` today, `Mar 3, 14:05:09` otherwise, in the chosen zone. */
export function formatTime(
  ms: number,
  zone: TimeZoneChoice,
  now: number = Date.now(),
): string {
  const time = inZone(ms, zone);
  return time.hasSame(inZone(now, zone), 'day')
    ? time.toFormat('HH:mm:ss')
    : time.toFormat('LLL d, HH:mm:ss');
}

/** A full, unambiguous timestamp with the zone, for tooltips and headers. */
export function formatFullTime(ms: number, zone: TimeZoneChoice): string {
  const time = inZone(ms, zone);
  return `${time.toFormat('yyyy-LL-dd HH:mm:ss.SSS')} ${
    zone === 'utc' ? 'UTC' : time.toFormat('ZZZZ')
  }`;
}

/** `2025-11-30 01:17` in the chosen zone (minute precision, no zone). */
export function formatMinute(ms: number, zone: TimeZoneChoice): string {
  return inZone(ms, zone).toFormat('yyyy-LL-dd HH:mm');
}

/** `Mar 3, 13:05 – 14:05` for a window, in the chosen zone. */
export function formatWindow(
  from: number,
  to: number,
  zone: TimeZoneChoice,
): string {
  const start = inZone(from, zone);
  const end = inZone(to, zone);
  const startText = start.toFormat('LLL d, HH:mm');
  const endText = start.hasSame(end, 'day')
    ? end.toFormat('HH:mm')
    : end.toFormat('LLL d, HH:mm');
  return `${startText} – ${endText}`;
}

/**
 * The value of a `datetime-local` input (`yyyy-MM-ddTHH:mm`) for a time, in
 * the chosen zone, and back to epoch ms (undefined when empty or invalid).
 */
export function toInputValue(ms: number, zone: TimeZoneChoice): string {
  return inZone(ms, zone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** See {@link toInputValue}. */
export function fromInputValue(
  value: string | undefined,
  zone: TimeZoneChoice,
): number | undefined {
  if (!value) return undefined;
  const time = DateTime.fromISO(value, {
    zone: zone === 'utc' ? 'utc' : 'local',
  });
  return time.isValid ? time.toMillis() : undefined;
}

/** `250 ms`, `1.2 s`, `3 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return Duration.fromMillis(ms).shiftTo('minutes').toHuman({
    maximumFractionDigits: 0,
  });
}

/** `28 Nov`, with the year when it is not this year's. */
function dayText(time: DateTime, now: DateTime): string {
  return time.hasSame(now, 'year')
    ? time.toFormat('d LLL')
    : time.toFormat('d LLL yyyy');
}

/**
 * When a change happened, known to lie between two sightings, in the
 * chosen zone: `between 13:00 and 14:00 on 28 Nov`, or across days
 * `between 27 Nov 23:00 and 28 Nov 01:00`; `first seen 14:00 on 28 Nov`
 * when there was no sighting before.
 */
export function formatBetween(
  from: number | undefined,
  to: number,
  zone: TimeZoneChoice,
  nowMs: number = Date.now(),
): string {
  const end = inZone(to, zone);
  const now = inZone(nowMs, zone);
  if (from === undefined) {
    return `first seen ${end.toFormat('HH:mm')} on ${dayText(end, now)}`;
  }
  const start = inZone(from, zone);
  if (start.hasSame(end, 'day')) {
    return `between ${start.toFormat('HH:mm')} and ${end.toFormat(
      'HH:mm',
    )} on ${dayText(end, now)}`;
  }
  return `between ${dayText(start, now)} ${start.toFormat(
    'HH:mm',
  )} and ${dayText(end, now)} ${end.toFormat('HH:mm')}`;
}

/** `12 minutes ago`, `in 5 minutes`, `just now` (under a minute). */
export function formatAge(ms: number, nowMs: number = Date.now()): string {
  if (Math.abs(nowMs - ms) < 60_000) return 'just now';
  return (
    DateTime.fromMillis(ms).toRelative({
      base: DateTime.fromMillis(nowMs),
      locale: 'en',
    }) ?? ''
  );
}
