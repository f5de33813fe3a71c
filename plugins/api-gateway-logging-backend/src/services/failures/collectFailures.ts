import {
  AccessLogRecord,
  ApiType,
  ExecutionTrace,
  FailureItem,
  categorizeAccessLogRecord,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** The stage failures are listed for, as items name it. */
export interface FailureStage {
  stageArn: string;
  stageName: string;
  apiType: ApiType;
}

/** An access-log record and when CloudWatch received it. */
export interface TimedAccessRecord {
  record: AccessLogRecord;
  timestamp?: number;
}

/**
 * How a trace finds its access-log record: by `$context.requestId`, which
 * is the `x-amzn-RequestId` header a client can set (so a forged record
 * could claim another request), or by `$context.extendedRequestId`, which
 * clients cannot set: used whenever the stage's format logs it.
 */
export type AccessJoin = 'requestId' | 'extendedRequestId';

/**
 * Turns one stage's failing traces (from execution logs) and failing
 * access-log records into listing items, joined by request id: the trace
 * gives the category and reason, the access log the method and path that
 * the error lines alone do not carry. Requests known only from the access
 * log (HTTP APIs, or execution logging off) are categorized from it.
 */
export function collectFailures(
  stage: FailureStage,
  traces: readonly ExecutionTrace[],
  accessRecords: readonly TimedAccessRecord[],
  join: AccessJoin = 'requestId',
): FailureItem[] {
  const byRequestId = new Map<string, TimedAccessRecord>();
  const byExtendedId = new Map<string, TimedAccessRecord>();
  for (const a of accessRecords) {
    if (a.record.requestId) byRequestId.set(a.record.requestId, a);
    if (a.record.extendedRequestId)
      byExtendedId.set(a.record.extendedRequestId, a);
  }
  const joined = new Set<TimedAccessRecord>();
  const accessOf = (trace: ExecutionTrace) => {
    // By the extended id when both sides have it; by the request id only
    // when the trace's extended id is unknown.
    const found =
      join === 'extendedRequestId' && trace.extendedRequestId
        ? byExtendedId.get(trace.extendedRequestId)
        : byRequestId.get(trace.requestId);
    if (found) joined.add(found);
    return found;
  };
  const items: FailureItem[] = [];
  const seen = new Set<string>();
  for (const trace of traces) {
    if (!trace.failure || seen.has(trace.requestId)) continue;
    seen.add(trace.requestId);
    const timed = accessOf(trace);
    const access = timed?.record;
    const time = trace.startTime ?? trace.endTime ?? timed?.timestamp ?? 0;
    items.push({
      requestId: trace.requestId,
      time,
      ...stage,
      ...optional('httpMethod', trace.httpMethod ?? access?.httpMethod),
      ...optional(
        'resourcePath',
        trace.resourcePath ?? access?.resourcePath ?? access?.routeKey,
      ),
      ...optional('status', trace.status ?? access?.status),
      category: trace.failure.category,
      reason: trace.failure.reason,
      source: access ? 'both' : 'execution-log',
    });
  }
  for (const timed of accessRecords) {
    const { record, timestamp } = timed;
    if (joined.has(timed)) continue;
    let id = record.requestId;
    if (id && seen.has(id)) {
      // Not the listed request of that id, though it claims it (a forged
      // x-amzn-RequestId): its own item, under the id it cannot forge.
      if (join !== 'extendedRequestId' || !record.extendedRequestId) continue;
      id = record.extendedRequestId;
    }
    if (!id || seen.has(id)) continue;
    const failure = categorizeAccessLogRecord(record);
    if (!failure) continue;
    seen.add(id);
    items.push({
      requestId: id,
      time: timestamp ?? 0,
      ...stage,
      ...optional('httpMethod', record.httpMethod),
      ...optional('resourcePath', record.resourcePath ?? record.routeKey),
      ...optional('status', record.status),
      category: failure.category,
      reason: failure.reason,
      source: 'access-log',
    });
  }
  return items;
}

function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
