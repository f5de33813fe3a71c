import { LogEvent } from '@apigw-logging/plugin-api-gateway-logging-node';
import { LogEventQuery, LogEventReader, ReadLimits } from './LogEventReader';

/** What {@link readNewestFirst} returned. */
export interface NewestFirstRead {
  /** Oldest first. */
  events: LogEvent[];
  complete: boolean;
  /** Every matching event from this time (epoch ms) to the window's end was read. */
  readFrom: number;
  calls: number;
}

// Below this, a slice too dense to read whole is given up on.
const MIN_SLICE_MS = 60_000;

/**
 * Reads a window so that, when the limits cut it short, what was read is
 * the NEWEST part (FilterLogEvents reads oldest first, and a failures view
 * that shows the newest first must not keep the oldest). Most windows hold
 * few matches and are read whole in one pass; a window that is not is read
 * again backwards from its end, in slices each read whole.
 */
export async function readNewestFirst(
  reader: LogEventReader,
  query: LogEventQuery,
  limits: ReadLimits,
  now: () => number = Date.now,
): Promise<NewestFirstRead> {
  const whole = await reader.read(query, {
    ...limits,
    maxCalls: Math.max(1, Math.floor(limits.maxCalls / 2)),
  });
  if (whole.complete) {
    return {
      events: whole.events,
      complete: true,
      readFrom: query.startTime,
      calls: whole.calls,
    };
  }
  let calls = whole.calls;
  let count = 0;
  const slices: LogEvent[][] = [];
  let end = query.endTime;
  let width = Math.max(MIN_SLICE_MS, (query.endTime - query.startTime) / 8);
  while (end > query.startTime) {
    const budget: ReadLimits = {
      maxEvents: limits.maxEvents - count,
      maxCalls: limits.maxCalls - calls,
      deadline: limits.deadline,
    };
    const outOfTime = limits.deadline !== undefined && now() >= limits.deadline;
    if (budget.maxEvents <= 0 || budget.maxCalls <= 0 || outOfTime) break;
    const start = Math.max(query.startTime, end - width);
    const minimal = end - start <= MIN_SLICE_MS;
    const slice = await reader.read(
      { ...query, startTime: start, endTime: end },
      // A minute is read whole whatever its size (calls and time still
      // bound it): cutting it would leave a gap in what is listed.
      minimal ? { ...budget, maxEvents: Number.MAX_SAFE_INTEGER } : budget,
    );
    calls += slice.calls;
    if (!slice.complete) {
      // Too dense: try a narrower slice, down to a minute; a minute cut by
      // calls or time ends the read.
      if (minimal) break;
      width = (end - start) / 2;
      continue;
    }
    slices.push(slice.events);
    count += slice.events.length;
    end = start;
  }
  return {
    events: slices.reverse().flat(),
    complete: end <= query.startTime,
    readFrom: end,
    calls,
  };
}
