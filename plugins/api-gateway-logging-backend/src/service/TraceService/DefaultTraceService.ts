import { NotFoundError } from '@backstage/errors';
import {
  AccessLogRecord,
  ExecutionTrace,
  TraceResponse,
  assembleTraces,
  parseAccessLogRecord,
} from '@internal/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../EntityLoader';
import { AwsReadError } from '../aws/errors';
import { LogEventReader } from '../LogEvents/LogEventReader';
import {
  FilterPatternMode,
  requestPatterns,
} from '../LogEvents/filterPatterns';
import { LogSourceResolver } from '../LogEvents/LogSourceResolver';
import { StageLogSource } from '../LogEvents/logSources';
import { TraceQuery, TraceService } from '../FailuresService/types';

export interface DefaultTraceServiceOptions {
  sources: LogSourceResolver;
  reader: LogEventReader;
  filterPatternMode: FilterPatternMode;
  /** Half-width of the window around a given time. */
  traceWindowMs: number;
  /** The window searched when no time is given (the recent past). */
  maxWindowMs: number;
  now?: () => number;
}

/**
 * Finds one request's events in its stage's execution log group (by its
 * request id, on the server side) and its access-log record, and returns
 * the parsed, redacted trace.
 */
export class DefaultTraceService implements TraceService {
  constructor(private readonly options: DefaultTraceServiceOptions) {}

  async getTrace(
    linked: LinkedEntity,
    query: TraceQuery,
  ): Promise<TraceResponse> {
    const now = (this.options.now ?? Date.now)();
    const from =
      query.around !== undefined
        ? query.around - this.options.traceWindowMs
        : now - this.options.maxWindowMs;
    const to =
      query.around !== undefined
        ? query.around + this.options.traceWindowMs
        : now;
    const { sources, errors } = await this.options.sources.resolve(
      linked,
      query.stageArn,
    );
    const searched: string[] = [];
    const problems: string[] = errors.map(e => `${e.stageArn}: ${e.message}`);
    for (const source of sources) {
      const found = await this.findIn(
        source,
        query.requestId,
        from,
        to,
        searched,
        problems,
      );
      if (found.trace || found.accessLog) {
        return {
          entityRef: linked.entityRef,
          stageArn: source.stageArn,
          requestId: query.requestId,
          ...found,
          searched: { logGroupNames: searched, from, to },
        };
      }
    }
    const window = `${new Date(from).toISOString()} to ${new Date(
      to,
    ).toISOString()}`;
    const where = searched.length ? searched.join(', ') : 'any log group';
    const unreadable = problems.length
      ? ` Some logs could not be read: ${problems.join(' ')}`
      : '';
    throw new NotFoundError(
      `No request ${query.requestId} in ${where} between ${window}.${unreadable} Check the request id and the stage, or give the time it happened (around=) if it is older.`,
    );
  }

  private async findIn(
    source: StageLogSource,
    requestId: string,
    from: number,
    to: number,
    searched: string[],
    problems: string[],
  ): Promise<{ trace?: ExecutionTrace; accessLog?: AccessLogRecord }> {
    const limits = { maxEvents: 5000, maxPages: 10 };
    let trace: ExecutionTrace | undefined;
    let accessLog: AccessLogRecord | undefined;
    const [pattern] = requestPatterns(
      [requestId],
      this.options.filterPatternMode,
    );
    if (source.executionLogGroup) {
      searched.push(source.executionLogGroup);
      try {
        const page = await this.options.reader.read(
          {
            target: source.target,
            logGroupName: source.executionLogGroup,
            filterPattern: pattern,
            startTime: from,
            endTime: to,
          },
          limits,
        );
        trace = assembleTraces(page.events).find(
          t => t.requestId === requestId || t.extendedRequestId === requestId,
        );
      } catch (error) {
        if (!(error instanceof AwsReadError && error.kind === 'not-found')) {
          problems.push(
            error instanceof AwsReadError ? error.message : String(error),
          );
        }
      }
    }
    if (source.accessLogGroup) {
      searched.push(source.accessLogGroup);
      try {
        const page = await this.options.reader.read(
          {
            target: source.target,
            logGroupName: source.accessLogGroup,
            filterPattern: pattern,
            startTime: from,
            endTime: to,
          },
          limits,
        );
        accessLog = page.events
          .map(e => parseAccessLogRecord(e.message))
          .find(
            r =>
              r?.requestId === requestId || r?.extendedRequestId === requestId,
          );
      } catch (error) {
        if (!(error instanceof AwsReadError && error.kind === 'not-found')) {
          problems.push(
            error instanceof AwsReadError ? error.message : String(error),
          );
        }
      }
    }
    return { ...(trace ? { trace } : {}), ...(accessLog ? { accessLog } : {}) };
  }
}
