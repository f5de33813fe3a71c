import {
  AccessLogRecord,
  ExecutionTrace,
  FailureSourceError,
  TraceResponse,
  assembleTraces,
  parseEventPrefix,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AwsReadError,
  LogLocation,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { FailuresConfig } from '../../config/readConfig';
import { messageOf } from '../audit/readProblem';
import { LinkedEntity } from '../entities/EntityLoader';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import { accessRecordParser } from '../logs/accessRecords';
import { LogLocator, StageLogs } from '../logs/LogLocator';
import { TraceQuery, TraceService } from './types';

/** What the trace service needs. */
export interface DefaultTraceServiceOptions {
  logs: LogLocator;
  registry: ExtensionRegistry;
  config: FailuresConfig;
  now?: () => number;
}

/** What one stage's search found. */
interface StageSearch {
  stage: StageLogs;
  trace?: ExecutionTrace;
  accessLog?: AccessLogRecord;
  complete: boolean;
  searchedFrom: number;
  errors: FailureSourceError[];
}

const MAX_EVENTS_PER_TRACE_READ = 5000;

/**
 * Finds one request's events in its stage's logs (by its request id, on
 * the server side), searching every stage of the entity at once, and
 * returns the parsed, redacted trace. It says "not found" (404) only when
 * every place that should hold the request was searched to the end; a read
 * that failed is an outage (503), and a search cut short says how far it
 * got.
 */
export class DefaultTraceService implements TraceService {
  constructor(private readonly options: DefaultTraceServiceOptions) {}

  async getTrace(
    linked: LinkedEntity,
    query: TraceQuery,
  ): Promise<TraceResponse> {
    const now = (this.options.now ?? Date.now)();
    const { traceWindowMs, maxWindowMs, requestDeadlineMs } =
      this.options.config;
    const from =
      query.around !== undefined
        ? query.around - traceWindowMs
        : now - maxWindowMs;
    const to = query.around !== undefined ? query.around + traceWindowMs : now;
    const deadline = now + requestDeadlineMs;
    const { stages, errors: stageErrors } = await this.options.logs.resolve(
      linked,
      query.stage,
    );
    const searches = await Promise.all(
      stages.map(stage =>
        this.search(stage, query.requestId, from, to, deadline),
      ),
    );
    const logGroupNames = stages.flatMap(s => s.locations.map(l => l.name));
    const errors = [...stageErrors, ...searches.flatMap(s => s.errors)];
    const complete = searches.every(s => s.complete);
    const searched = {
      logGroupNames,
      from,
      to,
      complete,
      ...(complete
        ? {}
        : { searchedFrom: Math.max(...searches.map(s => s.searchedFrom)) }),
    };
    const hit = searches.find(s => s.trace || s.accessLog);
    if (hit) {
      const { ref, stage } = hit.stage;
      return {
        entityRef: linked.entityRef,
        requestId: query.requestId,
        found: true,
        stageArn: ref.arn,
        stageName: ref.stageName,
        apiType: stage.apiType,
        region: ref.region,
        ...(ref.accountId ? { accountId: ref.accountId } : {}),
        ...(hit.trace ? { trace: hit.trace } : {}),
        ...(hit.accessLog ? { accessLog: hit.accessLog } : {}),
        searched,
        errors,
      };
    }
    const window = `${isoTime(from)} to ${isoTime(to)}`;
    if (errors.length > 0) {
      throw new ServiceUnavailableError(
        `Request ${
          query.requestId
        } was not found, but some logs could not be read, so it may be there: ${errors
          .map(e => `${e.logGroupName ?? e.stageArn}: ${e.message}`)
          .join(' ')} Try again later.`,
      );
    }
    if (!complete) {
      return {
        entityRef: linked.entityRef,
        requestId: query.requestId,
        found: false,
        searched,
        errors,
      };
    }
    const where = logGroupNames.length
      ? logGroupNames.join(', ')
      : 'no log group (the entity has no stage with logs)';
    throw new NotFoundError(
      `No request ${query.requestId} in ${where} between ${window}. Check the request id and the stage, or give the time it happened if it is older.`,
    );
  }

  private async search(
    stage: StageLogs,
    requestId: string,
    from: number,
    to: number,
    deadline: number,
  ): Promise<StageSearch> {
    const result: StageSearch = {
      stage,
      complete: true,
      searchedFrom: from,
      errors: [],
    };
    const matches = (id?: string) => id === requestId;
    await Promise.all(
      stage.locations.map(async location => {
        const source = this.options.registry.logSource(location.sourceId);
        if (!source) return;
        const read = (ids: string[]) =>
          source.read({
            location,
            from,
            to,
            select: { kind: 'requests', requestIds: ids },
            maxEvents: MAX_EVENTS_PER_TRACE_READ,
            deadline,
          });
        try {
          let found = await read([requestId]);
          if (location.kind === 'execution') {
            // An extended id is only on its request's `Extended Request Id:`
            // line: find that line, then the request by its UUID.
            const uuid = isUuid(requestId)
              ? requestId
              : uuidOfExtendedId(found.events, requestId);
            if (uuid && uuid !== requestId) {
              const first = found;
              found = await read([uuid]);
              found.complete &&= first.complete;
            }
            result.trace ??= assembleTraces(found.events).find(
              t =>
                matches(t.requestId) ||
                matches(t.extendedRequestId) ||
                t.requestId === uuid,
            );
          } else {
            const parse = accessRecordParser(location.format);
            result.accessLog ??= found.events
              .map(e => parse(e.message))
              .find(
                r => matches(r?.requestId) || matches(r?.extendedRequestId),
              );
          }
          result.complete &&= found.complete;
          result.searchedFrom = Math.max(result.searchedFrom, found.readFrom);
        } catch (error) {
          // A missing group is logging that is off (the audit says so), not
          // an outage: the request is not there.
          if (error instanceof AwsReadError && error.kind === 'not-found')
            return;
          result.errors.push(readError(stage, location, error));
        }
      }),
    );
    return result;
  }
}

function readError(
  stage: StageLogs,
  location: LogLocation,
  error: unknown,
): FailureSourceError {
  return {
    stageArn: stage.ref.arn,
    logGroupName: location.name,
    message: messageOf(error),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** The UUID prefix of the request's `Extended Request Id: <id>` line. */
function uuidOfExtendedId(
  events: Array<{ message: string }>,
  extendedId: string,
): string | undefined {
  for (const e of events) {
    const { requestId, body } = parseEventPrefix(e.message);
    if (requestId && body.startsWith(`Extended Request Id: ${extendedId}`)) {
      return requestId;
    }
  }
  return undefined;
}

/** ISO 8601 of an epoch ms, or the number when it has no date. */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : String(ms);
}
