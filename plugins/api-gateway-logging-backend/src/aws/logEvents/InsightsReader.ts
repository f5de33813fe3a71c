import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AwsAccessService,
  AwsReadError,
  AwsTarget,
  LogEvent,
  targetKey,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { send } from '../send';
import { insightsTimestamp } from './insightsQueries';

/** Options of {@link InsightsReader}. */
export interface InsightsReaderOptions {
  /**
   * Queries running at once per account and region. AWS allows 30 to 100
   * concurrent Logs Insights queries per account, shared with every other
   * user of it.
   */
  maxConcurrentQueries: number;
  /** Time between two GetQueryResults. */
  pollIntervalMs: number;
  now?: () => number;
}

/** One Logs Insights query over one log group. */
export interface InsightsQuery {
  target: AwsTarget;
  logGroupName: string;
  queryString: string;
  /** Epoch ms. */
  startTime: number;
  endTime: number;
  /** The query's `limit`: as many rows means more may exist. */
  limit: number;
  deadline?: number;
}

/** What a query returned, newest first as it sorts. */
export interface InsightsRead {
  events: LogEvent[];
  complete: boolean;
  /** Every matching event from this time to the end was returned. */
  readFrom: number;
  calls: number;
}

/**
 * Runs Logs Insights queries (StartQuery, then GetQueryResults until the
 * query completes), for windows too long to page through with
 * FilterLogEvents: Insights scans on AWS's side and returns only matches.
 * At most `maxConcurrentQueries` run per account and region; a query past
 * the deadline is stopped and reported incomplete.
 */
export class InsightsReader {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly now: () => number;

  constructor(
    private readonly aws: AwsAccessService,
    private readonly options: InsightsReaderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async query(query: InsightsQuery): Promise<InsightsRead> {
    const key = targetKey(query.target);
    await this.acquire(key);
    try {
      return await this.run(query);
    } finally {
      this.release(key);
    }
  }

  private async run(query: InsightsQuery): Promise<InsightsRead> {
    const op = (name: string) => ({
      name,
      service: 'logs',
      action: `logs:${name}`,
      resource: query.logGroupName,
    });
    const options = { deadline: query.deadline };
    const started = await send(
      this.aws,
      query.target,
      CloudWatchLogsClient,
      op('StartQuery'),
      (client, abortSignal) =>
        client.send(
          new StartQueryCommand({
            logGroupName: query.logGroupName,
            // Insights takes seconds; the window's end is exclusive here.
            startTime: Math.floor(query.startTime / 1000),
            endTime: Math.ceil(query.endTime / 1000) - 1,
            queryString: query.queryString,
            limit: query.limit,
          }),
          { abortSignal },
        ),
      options,
    );
    const queryId = started.queryId;
    if (!queryId) {
      throw new AwsReadError(
        'failed',
        `StartQuery on ${query.logGroupName} returned no query id`,
      );
    }
    let calls = 1;
    for (;;) {
      await new Promise(r => setTimeout(r, this.options.pollIntervalMs));
      const out = query.deadline !== undefined && this.now() >= query.deadline;
      if (out) {
        await send(
          this.aws,
          query.target,
          CloudWatchLogsClient,
          op('StopQuery'),
          (client, abortSignal) =>
            client.send(new StopQueryCommand({ queryId }), { abortSignal }),
        ).catch(() => undefined);
        return {
          events: [],
          complete: false,
          readFrom: query.endTime,
          calls: calls + 1,
        };
      }
      const results = await send(
        this.aws,
        query.target,
        CloudWatchLogsClient,
        op('GetQueryResults'),
        (client, abortSignal) =>
          client.send(new GetQueryResultsCommand({ queryId }), { abortSignal }),
        options,
      );
      calls++;
      const status = results.status;
      if (status === 'Scheduled' || status === 'Running') continue;
      if (status !== 'Complete') {
        throw new AwsReadError(
          status === 'Timeout' ? 'timeout' : 'failed',
          `The Logs Insights query on ${query.logGroupName} ended ${status}${
            status === 'Timeout'
              ? ' (AWS stops queries after 60 minutes): narrow the window'
              : ''
          }.`,
        );
      }
      const events = (results.results ?? []).map(row => {
        const field = (name: string) =>
          row.find(f => f.field === name)?.value ?? undefined;
        return {
          message: field('@message') ?? '',
          timestamp: insightsTimestamp(field('@timestamp')),
          logStreamName: field('@logStream'),
        };
      });
      // Sorted newest first: a full answer may have left older rows out.
      const complete = events.length < query.limit;
      const oldest = Math.min(
        ...events.map(e => e.timestamp ?? query.endTime),
        query.endTime,
      );
      return {
        events: events.reverse(),
        complete,
        readFrom: complete ? query.startTime : oldest,
        calls,
      };
    }
  }

  private acquire(key: string): Promise<void> {
    const running = this.running.get(key) ?? 0;
    if (running < this.options.maxConcurrentQueries) {
      this.running.set(key, running + 1);
      return Promise.resolve();
    }
    return new Promise(resolve => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(() => {
        this.running.set(key, (this.running.get(key) ?? 0) + 1);
        resolve();
      });
      this.waiting.set(key, queue);
    });
  }

  private release(key: string): void {
    this.running.set(key, (this.running.get(key) ?? 1) - 1);
    this.waiting.get(key)?.shift()?.();
  }
}
