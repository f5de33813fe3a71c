import { createHash } from 'node:crypto';
import {
  ExecutionTrace,
  FailureItem,
  FailureSourceError,
  FailuresResponse,
  StageSearch,
  assembleTraces,
  isFailureMessage,
  parseEventPrefix,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AwsReadError,
  LogEvent,
  LogLocation,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { ServiceUnavailableError } from '@backstage/errors';
import { Memo } from '../../aws/Memo';
import { FailuresConfig } from '../../config/readConfig';
import { messageOf } from '../audit/readProblem';
import { LinkedEntity } from '../entities/EntityLoader';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import {
  accessRecordParser,
  logsExtendedRequestId,
} from '../logs/accessRecords';
import { LogLocator, StageLogs } from '../logs/LogLocator';
import { TimedAccessRecord, collectFailures } from './collectFailures';
import { FailuresQuery, FailuresService } from './types';
import { bucketize, encodeCursor } from './window';

/** Failing requests whose extended id is looked up to join the access log, at most. */
const MAX_EXTENDED_ID_LOOKUPS = 100;

/** One stage's failures over one window: what the cache holds. */
interface StageFailures {
  items: FailureItem[];
  search: StageSearch;
  errors: FailureSourceError[];
  /** Every location failed to read: the stage's failures are unknown. */
  unreadable: boolean;
}

/** What the failures service needs. */
export interface DefaultFailuresServiceOptions {
  logs: LogLocator;
  registry: ExtensionRegistry;
  memo: Memo;
  config: FailuresConfig;
  now?: () => number;
}

/**
 * Lists failing requests: per stage, each log source selects the failure
 * lines on the server side, every returned event is checked again by the
 * parser (emulators ignore some patterns), traces are assembled and joined
 * with the access log. A stage's result is cached under a key that holds
 * everything that decides it (stage, log locations, window) and shared by
 * concurrent identical queries; paging and the category filter work on that
 * cached result.
 */
export class DefaultFailuresService implements FailuresService {
  constructor(private readonly options: DefaultFailuresServiceOptions) {}

  async listFailures(
    linked: LinkedEntity,
    query: FailuresQuery,
  ): Promise<FailuresResponse> {
    const now = (this.options.now ?? Date.now)();
    const deadline = now + this.options.config.requestDeadlineMs;
    const { stages, errors: stageErrors } = await this.options.logs.resolve(
      linked,
      query.stage,
    );
    const perStage = await Promise.all(
      stages.map(stage =>
        this.options.memo.get(cacheKey(stage, query), () =>
          this.stageFailures(stage, query.from, query.to, deadline),
        ),
      ),
    );
    const errors = [...stageErrors, ...perStage.flatMap(s => s.errors)];
    if (
      perStage.every(s => s.unreadable) &&
      (perStage.length > 0 || stageErrors.length > 0)
    ) {
      // Nothing could be read: that is an outage, never "no failures".
      throw new ServiceUnavailableError(
        `The logs of ${
          linked.entityRef
        } could not be read, so its failures are unknown: ${errors
          .map(
            e =>
              `${e.stageArn}${e.logGroupName ? ` (${e.logGroupName})` : ''}: ${
                e.message
              }`,
          )
          .join(' ')}`,
      );
    }
    const all = perStage.flatMap(s => s.items);
    all.sort(
      (a, b) => b.time - a.time || a.requestId.localeCompare(b.requestId),
    );
    const { bucketMs, buckets, counts } = bucketize(all, query.from, query.to);
    const selected = query.category
      ? all.filter(i => i.category === query.category)
      : all;
    const items = selected.slice(query.offset, query.offset + query.limit);
    const next = query.offset + items.length;
    const searched = perStage.map(s => s.search);
    const truncated = searched.some(s => !s.complete);
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
      searched,
      errors,
      notes: stages.flatMap(s =>
        s.notes.map(n => ({ stageArn: s.ref.arn, message: n.message })),
      ),
      truncated,
      ...(truncated
        ? { searchedFrom: Math.max(...searched.map(s => s.searchedFrom)) }
        : {}),
    };
  }

  /**
   * The extended request id of failing requests, from their `Extended
   * Request Id:` line (the only execution-log line that carries it), so the
   * access log is joined on the id clients cannot forge. Best effort: a
   * trace left without one is joined by its request id.
   */
  private async resolveExtendedIds(
    stage: StageLogs,
    traces: ExecutionTrace[],
    from: number,
    to: number,
    deadline: number,
  ) {
    const execution = stage.locations.find(l => l.kind === 'execution');
    const source =
      execution && this.options.registry.logSource(execution.sourceId);
    if (!execution || !source) return;
    const wanted = traces
      .filter(t => t.failure && !t.extendedRequestId)
      .sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0))
      .slice(0, MAX_EXTENDED_ID_LOOKUPS);
    if (wanted.length === 0) return;
    let events: LogEvent[];
    try {
      ({ events } = await source.read({
        location: execution,
        from,
        to,
        select: { kind: 'requests', requestIds: wanted.map(t => t.requestId) },
        maxEvents: this.options.config.maxEventsPerQuery,
        deadline,
      }));
    } catch {
      return;
    }
    const extended = new Map<string, string>();
    for (const e of events) {
      const { requestId, body } = parseEventPrefix(e.message);
      const match = /^Extended Request Id: (\S+)/.exec(body);
      if (requestId && match) extended.set(requestId, match[1]);
    }
    for (const trace of wanted) {
      const id = extended.get(trace.requestId);
      if (id) trace.extendedRequestId = id;
    }
  }

  private async stageFailures(
    stage: StageLogs,
    from: number,
    to: number,
    deadline: number,
  ): Promise<StageFailures> {
    const events: LogEvent[] = [];
    const access: TimedAccessRecord[] = [];
    const errors: FailureSourceError[] = [];
    let complete = true;
    let searchedFrom = from;
    let failed = 0;
    const hasAccessLog = stage.locations.some(l => l.kind === 'access');
    await Promise.all(
      stage.locations.map(async location => {
        const source = this.options.registry.logSource(location.sourceId);
        if (!source) return;
        try {
          const read = await source.read({
            location,
            from,
            to,
            select: { kind: 'failures' },
            maxEvents: this.options.config.maxEventsPerQuery,
            deadline,
          });
          complete &&= read.complete;
          searchedFrom = Math.max(searchedFrom, read.readFrom);
          collect(location, read.events, events, access);
        } catch (error) {
          // A missing execution log group beside an access log: execution
          // logging is off, which the audit reports; not a read failure.
          if (
            isNotFound(error) &&
            location.kind === 'execution' &&
            hasAccessLog
          )
            return;
          failed += 1;
          errors.push({
            stageArn: stage.ref.arn,
            logGroupName: location.name,
            message: describeFailure(error, location),
          });
        }
      }),
    );
    const failureStage = {
      stageArn: stage.ref.arn,
      stageName: stage.ref.stageName,
      apiType: stage.stage.apiType,
    };
    const traces = assembleTraces(events);
    const joinOnExtendedId = stage.locations.some(
      l => l.kind === 'access' && logsExtendedRequestId(l.format),
    );
    if (joinOnExtendedId && access.length > 0 && traces.length > 0) {
      await this.resolveExtendedIds(stage, traces, from, to, deadline);
    }
    return {
      items: collectFailures(
        failureStage,
        traces,
        access,
        joinOnExtendedId ? 'extendedRequestId' : 'requestId',
      ),
      search: {
        ...failureStage,
        logGroupNames: stage.locations.map(l => l.name),
        complete,
        searchedFrom,
      },
      errors,
      unreadable:
        stage.locations.length > 0 && failed === stage.locations.length,
    };
  }
}

/** Sorts a location's events into failing execution-log lines and failing access records. */
function collect(
  location: LogLocation,
  events: LogEvent[],
  execution: LogEvent[],
  access: TimedAccessRecord[],
): void {
  const parse = accessRecordParser(location.format);
  for (const e of events) {
    if (location.kind === 'execution') {
      // The server's filter is a pre-selection: only lines the parser also
      // knows as failure evidence count.
      if (isFailureMessage(e.message)) execution.push(e);
      continue;
    }
    const record = parse(e.message);
    if (record?.status !== undefined && record.status >= 400) {
      access.push({ record, timestamp: e.timestamp });
    }
  }
}

/**
 * The cache key of one stage's failures: everything that decides the
 * answer, so that two entities naming the same stage with different log
 * groups never share a result.
 */
function cacheKey(stage: StageLogs, query: FailuresQuery): string {
  const decides = JSON.stringify({
    stage: stage.ref.arn,
    account: stage.ref.accountId ?? '',
    locations: stage.locations.map(l => [
      l.sourceId,
      l.kind,
      l.name,
      l.target.accountId ?? '',
      l.target.region,
      l.format ?? '',
    ]),
    from: query.from,
    to: query.to,
  });
  return `failures:v2:${createHash('sha256').update(decides).digest('hex')}`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof AwsReadError && error.kind === 'not-found';
}

function describeFailure(error: unknown, location: LogLocation): string {
  return isNotFound(error)
    ? `The log group ${location.name} does not exist: ${location.kind} logging is off for this stage, or nothing was logged yet (see the audit).`
    : messageOf(error);
}
