/**
 * Why a request failed, in the terms a person debugging an API uses. Ordered
 * from the most specific gateway-side cause to the generic status classes.
 *
 * @public
 */
export const FAILURE_CATEGORIES = [
  'authorizer-denied',
  'authorizer-error',
  'throttled',
  'quota-exceeded',
  'api-key-rejected',
  'integration-timeout',
  'integration-error',
  'client-error',
  'server-error',
] as const;

/** One of {@link FAILURE_CATEGORIES}. @public */
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/**
 * The message template an execution-log event was recognised as; `'unknown'`
 * for a line the parser does not recognise. PARSER.md maps each kind to its
 * template.
 *
 * @public
 */
export type ExecutionLogEventKind =
  | 'execution-log-header'
  | 'extended-request-id'
  | 'execution-start'
  | 'authorizer-start'
  | 'authorizer-identity'
  | 'authorizer-result-body'
  | 'authorizer-policy'
  | 'authorizer-success'
  | 'authorizer-unauthorized'
  | 'unauthorized'
  | 'authorizer-configuration-exception'
  | 'api-key'
  | 'api-key-id'
  | 'usage-plan-verify'
  | 'api-key-not-required'
  | 'api-key-not-authorized'
  | 'usage-plan-check-succeeded'
  | 'usage-plan-check-failed'
  | 'throttle-limit-exceeded'
  | 'usage-plan-throttled'
  | 'usage-plan-quota-exceeded'
  | 'method-request'
  | 'method-request-path'
  | 'method-request-query-string'
  | 'method-request-headers'
  | 'method-request-body'
  | 'request-validation-succeeded'
  | 'request-validation-failed'
  | 'endpoint-request-uri'
  | 'endpoint-request-headers'
  | 'endpoint-request-body'
  | 'endpoint-request-sent'
  | 'endpoint-response-received'
  | 'endpoint-response-headers'
  | 'endpoint-response-body'
  | 'method-response-body'
  | 'method-response-headers'
  | 'execution-succeeded'
  | 'method-completed'
  | 'integration-request-id'
  | 'xray-trace-id'
  | 'configuration-error'
  | 'timeout-error'
  | 'execution-failed'
  | 'lambda-invocation-failed'
  | 'lambda-function-error'
  | 'unknown';

/**
 * The values a message template carries. Every field is optional: an event
 * only has the fields of its template, and only when the line held them.
 *
 * @public
 */
export interface ExecutionLogEventFields {
  /** The request id the message names (start, authorizer, usage plan lines). */
  requestId?: string;
  extendedRequestId?: string;
  authorizerId?: string;
  /** Authorizer identity or principal, masked as API Gateway logged it. */
  principal?: string;
  /** API key, masked as logged (`****...abc123`); absent when logged empty. */
  apiKey?: string;
  apiKeyId?: string;
  apiId?: string;
  stage?: string;
  usagePlanId?: string;
  /** API Gateway resource id (`k0w8mc`), from throttle lines. */
  resourceId?: string;
  httpMethod?: string;
  /** Actual path (`HTTP Method:` line) or resource template (API key lines). */
  resourcePath?: string;
  /** Throttle rate limit (requests per second). */
  rateLimit?: number;
  burstLimit?: number;
  quotaLimit?: number;
  quotaPeriod?: string;
  /** HTTP status returned to the client (`Method completed with status`). */
  status?: number;
  /** Status of the integration or of the Lambda Invoke call. */
  integrationStatus?: number;
  latencyMs?: number;
  uri?: string;
  contentType?: string;
  /** Map or body text after the template's label, as logged (redacted). */
  value?: string;
  /** Error text: configuration-error reason or the function's errorMessage. */
  errorMessage?: string;
  lambdaRequestId?: string;
  /** `AWS Integration Endpoint RequestId` trailer. */
  integrationRequestId?: string;
  xrayTraceId?: string;
}

/**
 * One execution-log event (one CloudWatch event, or one logical line of a
 * pasted log with its continuation lines attached).
 *
 * @public
 */
export interface ExecutionLogEvent extends ExecutionLogEventFields {
  kind: ExecutionLogEventKind;
  /** The message without its `(requestId)` prefix, redacted and capped. */
  message: string;
  /** Epoch milliseconds, when the event or the pasted line carried one. */
  timestamp?: number;
  logStreamName?: string;
  /**
   * True when API Gateway cut the message (`[TRUNCATED]`) or the parser cut
   * it to its per-event cap.
   */
  truncated: boolean;
}

/** What the authorizer decided. @public */
export type AuthorizerOutcome = 'allowed' | 'denied' | 'error' | 'unknown';

/** Why a trace failed. @public */
export interface TraceFailure {
  category: FailureCategory;
  /** A short sentence naming the specific cause. */
  reason: string;
}

/**
 * The story of one request, assembled from its execution-log events.
 *
 * @public
 */
export interface ExecutionTrace {
  /**
   * The request id; `unidentified-N` when no line of the request named one
   * (quoted excerpts without prefix).
   */
  requestId: string;
  extendedRequestId?: string;
  /** Epoch ms of the first and last event that carried a timestamp. */
  startTime?: number;
  endTime?: number;
  httpMethod?: string;
  resourcePath?: string;
  /** From `Method completed with status`; absent when that line is missing. */
  status?: number;
  integrationStatus?: number;
  integrationLatencyMs?: number;
  authorizer?: { id?: string; outcome: AuthorizerOutcome };
  /** Masked as logged. */
  apiKey?: string;
  usagePlanId?: string;
  apiId?: string;
  stage?: string;
  failure?: TraceFailure;
  events: ExecutionLogEvent[];
  /** Events dropped because the trace reached its per-trace event cap. */
  droppedEvents?: number;
}

/**
 * Options of {@link parseExecutionLog} and {@link assembleTraces}.
 *
 * @public
 */
export interface ParseOptions {
  /** Redact secrets in every output field. Default true. */
  redact?: boolean;
  /** More header or JSON field names whose values are secret. */
  extraSecretHeaders?: string[];
  /** More patterns whose whole match is secret. */
  extraSecretPatterns?: RegExp[];
  /** Open traces kept before the oldest is emitted. Default 10,000. */
  maxOpenTraces?: number;
  /** Events kept per trace. Default 500. */
  maxEventsPerTrace?: number;
  /** Characters kept per event message. Default 4,096. */
  maxMessageLength?: number;
}

/** An input event of {@link assembleTraces}: a CloudWatch Logs event. @public */
export interface RawLogEvent {
  message: string;
  timestamp?: number;
  logStreamName?: string;
}
