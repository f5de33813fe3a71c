import type { ExecutionTrace, FailureCategory } from './parser';

/** One failing request in the failures listing. @public */
export interface FailureItem {
  requestId: string;
  /** Epoch ms of the request's first known event. */
  time: number;
  stageArn: string;
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
  /** The log groups searched, per stage. */
  searched: Array<{ stageArn: string; logGroupNames: string[] }>;
  /** Stages that could not be read. */
  errors: FailureSourceError[];
  /** True when a cap on scanned events was reached: counts are a lower bound. */
  truncated: boolean;
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
 * record of the same request, when one was found.
 *
 * @public
 */
export interface TraceResponse {
  entityRef: string;
  stageArn: string;
  requestId: string;
  trace?: ExecutionTrace;
  accessLog?: AccessLogRecord;
  /** The log groups and window searched. */
  searched: { logGroupNames: string[]; from: number; to: number };
}
