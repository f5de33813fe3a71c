import { NotFoundError } from '@backstage/errors';
import {
  AccessLogRecord,
  ExecutionTrace,
  TraceResponse,
  assembleTraces,
  parseAccessLogRecord,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../EntityLoader';
import { AwsReadError } from '../aws/errors';
import { LogEvent, LogEventReader } from '../LogEvents/LogEventReader';
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
    const [pattern] = requestPatterns(
      [requestId],
      this.options.filterPatternMode,
    );
    const matches = (id?: string) => id === requestId;
    // Both groups are searched with the same pattern; a missing group is
    // not a problem (logging off), other failures are reported in the 404.
    const read = async (logGroupName?: string): Promise<LogEvent[]> => {
      if (!logGroupName) return [];
      searched.push(logGroupName);
      try {
        const page = await this.options.reader.read(
          {
            target: source.target,
            logGroupName,
            filterPattern: pattern,
            startTime: from,
            endTime: to,
          },
          { maxEvents: 5000, maxPages: 10 },
        );
        return page.events;
      } catch (error) {
        if (!(error instanceof AwsReadError && error.kind === 'not-found')) {
          problems.push(
            error instanceof AwsReadError ? error.message : String(error),
          );
        }
        return [];
      }
    };
    const trace = assembleTraces(await read(source.executionLogGroup)).find(
      t => matches(t.requestId) || matches(t.extendedRequestId),
    );
    const accessLog = (await read(source.accessLogGroup))
      .map(e => parseAccessLogRecord(e.message))
      .find(r => matches(r?.requestId) || matches(r?.extendedRequestId));
    return { ...(trace ? { trace } : {}), ...(accessLog ? { accessLog } : {}) };
  }
}
