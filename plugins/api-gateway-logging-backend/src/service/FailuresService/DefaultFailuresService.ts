import {
  FailureItem,
  FailureSourceError,
  FailuresResponse,
  assembleTraces,
  isFailureMessage,
  parseAccessLogRecord,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { Memo } from '../../lib/Memo';
import { LinkedEntity } from '../EntityLoader';
import { AwsReadError } from '../aws/errors';
import { LogEvent, LogEventReader } from '../LogEvents/LogEventReader';
import {
  FilterPatternMode,
  accessLogFailurePattern,
  failurePatterns,
} from '../LogEvents/filterPatterns';
import { StageLogSource } from '../LogEvents/logSources';
import { LogSourceResolver } from '../LogEvents/LogSourceResolver';
import { TimedAccessRecord, collectFailures } from './collectFailures';
import { FailuresQuery, FailuresService } from './types';
import { bucketize, encodeCursor } from './window';

interface StageFailures {
  items: FailureItem[];
  logGroupNames: string[];
  truncated: boolean;
  error?: string;
}

export interface DefaultFailuresServiceOptions {
  sources: LogSourceResolver;
  reader: LogEventReader;
  memo: Memo;
  filterPatternMode: FilterPatternMode;
  maxEventsPerQuery: number;
}

/**
 * Lists failing requests: per stage, the failure lines are selected on the
 * server side with filter patterns, every returned event is checked again
 * by the parser (emulators ignore some patterns), traces are assembled and
 * joined with the JSON access log. A stage's result is cached and shared by
 * concurrent identical queries; paging and the category filter work on
 * that cached result.
 */
export class DefaultFailuresService implements FailuresService {
  constructor(private readonly options: DefaultFailuresServiceOptions) {}

  async listFailures(
    linked: LinkedEntity,
    query: FailuresQuery,
  ): Promise<FailuresResponse> {
    const { sources, errors: sourceErrors } =
      await this.options.sources.resolve(linked, query.stageArn);
    const perStage = await Promise.all(
      sources.map(source =>
        this.options.memo.get(
          `failures:v1:${source.stageArn}:${source.target.accountId ?? ''}:${
            query.from
          }:${query.to}`,
          () => this.stageFailures(source, query.from, query.to),
        ),
      ),
    );
    const errors: FailureSourceError[] = [...sourceErrors];
    const all: FailureItem[] = [];
    perStage.forEach((stage, i) => {
      all.push(...stage.items);
      if (stage.error)
        errors.push({ stageArn: sources[i].stageArn, message: stage.error });
    });
    all.sort(
      (a, b) => b.time - a.time || a.requestId.localeCompare(b.requestId),
    );
    const { bucketMs, buckets, counts } = bucketize(all, query.from, query.to);
    const selected = query.category
      ? all.filter(i => i.category === query.category)
      : all;
    const items = selected.slice(query.offset, query.offset + query.limit);
    const next = query.offset + items.length;
    return {
      entityRef: linked.entityRef,
      from: query.from,
      to: query.to,
      items,
      counts,
      buckets,
      bucketMs,
      total: selected.length,
      ...(next < selected.length
        ? {
            nextCursor: encodeCursor({
              from: query.from,
              to: query.to,
              offset: next,
            }),
          }
        : {}),
      searched: sources.map((s, i) => ({
        stageArn: s.stageArn,
        logGroupNames: perStage[i].logGroupNames,
      })),
      errors,
      truncated: perStage.some(s => s.truncated),
    };
  }

  private async stageFailures(
    source: StageLogSource,
    from: number,
    to: number,
  ): Promise<StageFailures> {
    const logGroupNames: string[] = [];
    let truncated = false;
    const failures: string[] = [];
    const events: LogEvent[] = [];
    const access: TimedAccessRecord[] = [];
    const limits = { maxEvents: this.options.maxEventsPerQuery, maxPages: 50 };

    if (source.executionLogGroup) {
      logGroupNames.push(source.executionLogGroup);
      try {
        const seen = new Set<string>();
        for (const filterPattern of failurePatterns(
          this.options.filterPatternMode,
        )) {
          const page = await this.options.reader.read(
            {
              target: source.target,
              logGroupName: source.executionLogGroup,
              filterPattern,
              startTime: from,
              endTime: to,
            },
            limits,
          );
          truncated ||= page.truncated;
          for (const e of page.events) {
            // The server's filter is a pre-selection: only lines the parser
            // also knows as failure evidence count.
            if (!isFailureMessage(e.message)) continue;
            const key = `${e.logStreamName}|${e.timestamp}|${e.message}`;
            if (seen.has(key)) continue;
            seen.add(key);
            events.push(e);
          }
        }
      } catch (error) {
        if (!(source.accessLogGroup && isNotFound(error)))
          failures.push(messageOf(error, source.executionLogGroup));
      }
    }
    if (source.accessLogGroup && source.accessLogFormat) {
      logGroupNames.push(source.accessLogGroup);
      try {
        const page = await this.options.reader.read(
          {
            target: source.target,
            logGroupName: source.accessLogGroup,
            filterPattern: accessLogFailurePattern(
              source.accessLogFormat,
              this.options.filterPatternMode,
            ),
            startTime: from,
            endTime: to,
          },
          limits,
        );
        truncated ||= page.truncated;
        for (const e of page.events) {
          const record = parseAccessLogRecord(e.message);
          if (record?.status !== undefined && record.status >= 400) {
            access.push({ record, timestamp: e.timestamp });
          }
        }
      } catch (error) {
        failures.push(messageOf(error, source.accessLogGroup));
      }
    }
    const traces = assembleTraces(events);
    return {
      items: collectFailures(source.stageArn, traces, access),
      logGroupNames,
      truncated,
      ...(failures.length ? { error: failures.join(' ') } : {}),
    };
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof AwsReadError && error.kind === 'not-found';
}

function messageOf(error: unknown, logGroupName: string): string {
  if (error instanceof AwsReadError) {
    return error.kind === 'not-found'
      ? `The log group ${logGroupName} does not exist: execution or access logging is off for this stage, or nothing was logged yet (see the audit).`
      : error.message;
  }
  return `Reading ${logGroupName} failed unexpectedly: ${String(
    (error as Error)?.message ?? error,
  )}`;
}
