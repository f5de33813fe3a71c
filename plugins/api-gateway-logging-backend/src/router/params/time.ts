import { z } from 'zod';

/** Nothing before API Gateway's logs could exist is worth asking AWS for. */
export const EARLIEST_TIME = Date.parse('2014-01-01T00:00:00Z');
/** Clocks disagree: a time this far ahead of the backend's is still accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * A time parameter: ISO 8601 (`2026-11-21T06:00:00Z`) or epoch
 * milliseconds, within what any log could hold: not before 2014, not in the
 * future beyond a small clock skew. Each violation says which bound.
 */
export function timeParam(now: number) {
  return z
    .string()
    .max(40, 'is too long for a time')
    .transform((value, ctx) => {
      const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
      if (!Number.isFinite(ms)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message:
            'is not a time (ISO 8601, e.g. 2026-11-21T06:00:00Z, or epoch milliseconds)',
        });
        return z.NEVER;
      }
      if (ms < EARLIEST_TIME) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'is before 2014-01-01, older than any API Gateway log',
        });
        return z.NEVER;
      }
      if (ms > now + FUTURE_SKEW_MS) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `is in the future (the backend's clock says ${new Date(
            now,
          ).toISOString()})`,
        });
        return z.NEVER;
      }
      return ms;
    });
}
