import { DateTime } from 'luxon';

/**
 * Epoch ms from `around` in a URL: ISO 8601 (a time without a zone is UTC,
 * as in AWS logs) or epoch ms; undefined if neither.
 */
export function parseAround(
  value: string | null | undefined,
): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const time = DateTime.fromISO(value, { zone: 'utc' });
  return time.isValid ? time.toMillis() : undefined;
}

/**
 * `around` for a link: UTC to the minute (`2025-11-30T01:17Z`), short enough
 * to read in a ticket; the trace is searched minutes either side of it.
 */
export function formatAround(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toFormat(
    "yyyy-LL-dd'T'HH:mm'Z'",
  );
}
