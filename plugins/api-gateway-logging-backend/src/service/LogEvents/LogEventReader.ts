import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsCaller } from '../aws/AwsCaller';
import { AwsClientSource } from '../aws/AwsClients';
import { AwsTarget } from '../aws/types';

/** A log event as the parser takes it. */
export interface LogEvent {
  message: string;
  timestamp?: number;
  logStreamName?: string;
}

export interface LogEventQuery {
  target: AwsTarget;
  logGroupName: string;
  /** A pattern built by ./filterPatterns (never caller text). */
  filterPattern?: string;
  startTime: number;
  endTime: number;
}

export interface LogEventPage {
  events: LogEvent[];
  /** A cap on events or pages was reached before the window was read. */
  truncated: boolean;
  calls: number;
}

/** Bounds on one query, so one request can never read a busy group whole. */
export interface ReadLimits {
  maxEvents: number;
  maxPages: number;
}

/**
 * Reads CloudWatch Logs events with FilterLogEvents, following pagination
 * within limits. Every call goes through the rate-limited, retrying
 * {@link AwsCaller} (FilterLogEvents allows 5 requests/s per account and
 * region).
 */
export class LogEventReader {
  constructor(
    private readonly clients: AwsClientSource,
    private readonly caller: AwsCaller,
  ) {}

  async read(query: LogEventQuery, limits: ReadLimits): Promise<LogEventPage> {
    const logs = await this.clients.logs(query.target);
    const events: LogEvent[] = [];
    let nextToken: string | undefined;
    let calls = 0;
    do {
      const token = nextToken;
      const page = await this.caller.call(
        query.target,
        {
          name: 'FilterLogEvents',
          service: 'logs',
          action: 'logs:FilterLogEvents',
          resource: query.logGroupName,
        },
        abortSignal =>
          logs.send(
            new FilterLogEventsCommand({
              logGroupName: query.logGroupName,
              startTime: query.startTime,
              endTime: query.endTime,
              ...(query.filterPattern
                ? { filterPattern: query.filterPattern }
                : {}),
              ...(token ? { nextToken: token } : {}),
            }),
            { abortSignal },
          ),
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
      if (events.length >= limits.maxEvents || calls >= limits.maxPages) {
        return { events, truncated: Boolean(nextToken), calls };
      }
    } while (nextToken);
    return { events, truncated: false, calls };
  }
}
