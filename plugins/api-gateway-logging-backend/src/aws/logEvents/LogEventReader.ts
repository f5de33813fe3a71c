import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AwsAccessService,
  AwsTarget,
  LogEvent,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { send } from '../send';

/** One FilterLogEvents query over a window. */
export interface LogEventQuery {
  target: AwsTarget;
  logGroupName: string;
  /** A pattern built by the filter-pattern builders (never caller text). */
  filterPattern?: string;
  /** Epoch ms, inclusive. */
  startTime: number;
  /** Epoch ms, exclusive. */
  endTime: number;
}

/** Bounds on one query, so one request can never read a busy group whole. */
export interface ReadLimits {
  maxEvents: number;
  /**
   * Calls at most. Empty pages count here, not against a page count: AWS
   * may answer empty pages with a `nextToken` while it scans, and pagination
   * is finished only when the token is absent.
   */
  maxCalls: number;
  /** Stop at this time (epoch ms) with what was read. */
  deadline?: number;
}

/** What a forward read returned. */
export interface ForwardRead {
  /** Oldest first, as FilterLogEvents returns them. */
  events: LogEvent[];
  /** The window was read to its end. */
  complete: boolean;
  /**
   * Everything before this time (epoch ms) was read: `endTime` when
   * complete, else the last event's time (AWS returns events in time order).
   */
  readTo: number;
  calls: number;
}

/**
 * Reads CloudWatch Logs events with FilterLogEvents, following `nextToken`
 * until it is absent or a limit is reached. Every call goes through the
 * shared, rate-limited AWS access (FilterLogEvents allows 5 requests/s per
 * account and region).
 */
export class LogEventReader {
  constructor(
    private readonly aws: AwsAccessService,
    private readonly now: () => number = Date.now,
  ) {}

  async read(query: LogEventQuery, limits: ReadLimits): Promise<ForwardRead> {
    const events: LogEvent[] = [];
    let nextToken: string | undefined;
    let calls = 0;
    do {
      const token = nextToken;
      const page = await send(
        this.aws,
        query.target,
        CloudWatchLogsClient,
        {
          name: 'FilterLogEvents',
          service: 'logs',
          action: 'logs:FilterLogEvents',
          resource: query.logGroupName,
        },
        (client, abortSignal) =>
          client.send(
            new FilterLogEventsCommand({
              logGroupName: query.logGroupName,
              startTime: query.startTime,
              // FilterLogEvents' endTime is inclusive; windows here are not.
              endTime: query.endTime - 1,
              ...(query.filterPattern
                ? { filterPattern: query.filterPattern }
                : {}),
              // AWS has interleaved streams by time since 2019 and ignores
              // this; emulators page stream after stream without it.
              interleaved: true,
              ...(token ? { nextToken: token } : {}),
            }),
            { abortSignal },
          ),
        { deadline: limits.deadline },
      );
      calls++;
      for (const e of page.events ?? []) {
        if (typeof e.message !== 'string') continue;
        events.push({
          message: e.message,
          timestamp: e.timestamp,
          logStreamName: e.logStreamName,
        });
      }
      nextToken = page.nextToken;
      const outOfTime =
        limits.deadline !== undefined && this.now() >= limits.deadline;
      if (
        nextToken &&
        (events.length >= limits.maxEvents ||
          calls >= limits.maxCalls ||
          outOfTime)
      ) {
        const last = events[events.length - 1]?.timestamp;
        return {
          events,
          complete: false,
          readTo:
            last !== undefined
              ? Math.max(query.startTime, last)
              : query.startTime,
          calls,
        };
      }
    } while (nextToken);
    return { events, complete: true, readTo: query.endTime, calls };
  }
}
