import type { ExecutionTrace, FailureCategory } from './parser';
import type { ApiType } from './stageRef';

/** One failing request in the failures listing. @public */
export interface FailureItem {
  requestId: string;
  /** Epoch ms of the request's first known event. */
  time: number;
  stageArn: string;
  stageName: string;
  apiType: ApiType;
  httpMethod?: string;
  resourcePath?: string;
  status?: number;
  category: FailureCategory;
  reason: string;
  /** Where the item came from: execution logs, the access log, or both. */
  source: 'execution-log' | 'access-log' | 'both';
}

/** Failures per category in one time bucket. @public */
export interface FailureBucket {
  start: number;
  counts: Partial<Record<FailureCategory, number>>;
}

/** A stage whose logs could not be read, and why (the rest still answer). @public */
export interface FailureSourceError {
  stageArn: string;
  logGroupName?: string;
  message: string;
}

/**
 * `GET /entities/:namespace/:kind/:name/failures`.
 *
 * @public
 */
export interface FailuresResponse {
  entityRef: string;
  /** The window actually searched (epoch ms). */
  from: number;
  to: number;
  items: FailureItem[];
  counts: Partial<Record<FailureCategory, number>>;
  buckets: FailureBucket[];
  /** Bucket width, ms. */
  bucketMs: number;
  total: number;
  nextCursor?: string;
  /** What was searched, per stage. */
  searched: StageSearch[];
  /** Stages (or log groups) that could not be read, and why. */
  errors: FailureSourceError[];
  /** What a user should know about logs that are not read (e.g. Firehose destinations). */
  notes: FailureSourceError[];
  /**
   * True when a cap (events, calls, time) stopped a search before the start
   * of the window: counts are a lower bound, and `searchedFrom` says how far
   * back the search got.
   */
  truncated: boolean;
  /** With `truncated`: every stage was searched from this time (epoch ms) to `to`. */
  searchedFrom?: number;
}

/** What was searched of one stage. @public */
export interface StageSearch {
  stageArn: string;
  stageName: string;
  apiType: ApiType;
  logGroupNames: string[];
  /** False when a cap stopped the search: it covers `searchedFrom` to the window's end. */
  complete: boolean;
  searchedFrom: number;
}

/**
 * One access-log record. With the stage's format compiled
 * (`compileAccessLogFormat`), the typed properties come from the `$context`
 * variable each field holds; from `parseAccessLogRecord` (a JSON line of an
 * unknown format), from the usual field names. Secret fields are
 * `[REDACTED]`, other values redacted as text.
 *
 * @public
 */
export interface AccessLogRecord {
  requestId?: string;
  extendedRequestId?: string;
  status?: number;
  httpMethod?: string;
  resourcePath?: string;
  routeKey?: string;
  requestTime?: string;
  /** `$context.requestTimeEpoch`, epoch ms (compiled formats only). */
  requestTimeEpoch?: number;
  errorResponseType?: string;
  errorMessage?: string;
  authorizerError?: string;
  integrationErrorMessage?: string;
  responseLatencyMs?: number;
  integrationLatencyMs?: number;
  /** Every field as logged (redacted). */
  fields: Record<string, string | number | boolean | null>;
}

/**
 * `GET /traces/:requestId`: the parsed, redacted trace and the access-log
 * record of the same request. A search that ran to its end and found nothing
 * is a 404; one cut short by a cap answers `found: false` with how far it
 * got, so the user can search further (never a false "not found").
 *
 * @public
 */
export interface TraceResponse {
  entityRef: string;
  /** The request id searched (lower-cased when it is a UUID). */
  requestId: string;
  found: boolean;
  /** The stage the request went to, when found. */
  stageArn?: string;
  stageName?: string;
  apiType?: ApiType;
  region?: string;
  /** Undefined: the default account of the backend's `aws` config. */
  accountId?: string;
  trace?: ExecutionTrace;
  accessLog?: AccessLogRecord;
  /** The log groups and window searched. */
  searched: {
    logGroupNames: string[];
    from: number;
    to: number;
    /** False when a cap stopped the search before the start of the window. */
    complete: boolean;
    /** With `complete: false`: the search covered this time (epoch ms) to `to`. */
    searchedFrom?: number;
  };
  /** Log groups that could not be read: the request may be there. */
  errors: FailureSourceError[];
  /** `kept`: the logs are gone (retention), this is the copy kept for the trace. */
  source?: 'live' | 'kept';
  /** Set when someone kept this trace (e.g. for an incident ticket). */
  kept?: KeptTraceInfo;
}

/** Who kept a trace past log retention, when, and for which ticket. @public */
export interface KeptTraceInfo {
  by: string;
  at: string;
  ticketUrl?: string;
}

/** `POST /traces/:requestId/keep`: what to keep. @public */
export interface KeepTraceRequest {
  entity: string;
  stage?: string;
  around?: string;
  ticketUrl?: string;
}
