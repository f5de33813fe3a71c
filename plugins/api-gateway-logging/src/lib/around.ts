import { DateTime } from 'luxon';

/** Epoch ms from `around` in a URL: ISO 8601 or epoch ms; undefined if neither. */
export function parseAround(
  value: string | null | undefined,
): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const time = DateTime.fromISO(value);
  return time.isValid ? time.toMillis() : undefined;
}
