import { classifyFailure, type FailureSignals } from './failure';
import type {
  AuthorizerOutcome,
  ExecutionLogEvent,
  ExecutionLogEventKind,
  ExecutionTrace,
} from './types';

/**
 * Turns a request's events into an {@link ExecutionTrace}: orders them, reads
 * the summary fields and decides the failure, all in one pass.
 */

const AUTHORIZER_KINDS = new Set<ExecutionLogEventKind>([
  'authorizer-start',
  'authorizer-identity',
  'authorizer-result-body',
  'authorizer-policy',
  'authorizer-success',
  'authorizer-unauthorized',
  'unauthorized',
  'authorizer-configuration-exception',
]);

// Kinds that end the authorizer phase: its verdict, or the method itself.
const AUTHORIZER_PHASE_END = new Set<ExecutionLogEventKind>([
  'authorizer-success',
  'authorizer-unauthorized',
  'unauthorized',
  'authorizer-configuration-exception',
  'execution-start',
  'method-request',
  'usage-plan-verify',
]);

const ENDPOINT_KINDS = new Set<ExecutionLogEventKind>([
  'endpoint-request-uri',
  'endpoint-request-headers',
  'endpoint-request-body',
  'endpoint-request-sent',
  'endpoint-response-received',
  'endpoint-response-headers',
  'endpoint-response-body',
  'lambda-invocation-failed',
  'lambda-function-error',
]);

// Configuration-error reasons that only the authorizer step produces.
const AUTHORIZER_ERROR_TEXT =
  /Authorizer error|Could not parse policy|Invalid JSON in response/i;
const LAMBDA_THROTTLE_TEXT = /TooManyRequestsException|Rate Exceeded/;

/** Orders events by timestamp, then arrival; untimed events keep their place. */
function sortEvents(events: ExecutionLogEvent[]): ExecutionLogEvent[] {
  let sorted = true;
  let last = -Infinity;
  for (const e of events) {
    if (e.timestamp !== undefined) {
      if (e.timestamp < last) {
        sorted = false;
        break;
      }
      last = e.timestamp;
    }
  }
  if (sorted) return events;
  // An untimed event (continuation, pasted line) sorts with the timed event
  // it arrived after, so the order stays total and stable.
  let carry = -Infinity;
  const keyed = events.map((event, index) => {
    if (event.timestamp !== undefined) carry = event.timestamp;
    return { event, key: carry, index };
  });
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map(k => k.event);
}

function headerValue(
  map: string | undefined,
  name: string,
): string | undefined {
  if (!map) return undefined;
  const i = map.indexOf(`${name}=`);
  if (i < 0) return undefined;
  const from = i + name.length + 1;
  let end = from;
  while (end < map.length && end - from < 128) {
    const c = map.charCodeAt(end);
    if (c === 44 || c === 125 || c === 32 || c === 10) break;
    end++;
  }
  return map.slice(from, end) || undefined;
}

/** Builds the trace of `requestId` from its events (in arrival order). */
export function summarize(
  requestId: string,
  arrived: ExecutionLogEvent[],
  droppedEvents: number,
): ExecutionTrace {
  const events = sortEvents(arrived);
  const trace: ExecutionTrace = { requestId, events };
  const s: FailureSignals = { authorizerRan: false, endpointReached: false };
  let inAuthorizer = false;
  let sawAuthorizer = false;
  let allowed = false;

  for (const e of events) {
    const kind = e.kind;
    if (e.timestamp !== undefined) {
      if (trace.startTime === undefined || e.timestamp < trace.startTime)
        trace.startTime = e.timestamp;
      if (trace.endTime === undefined || e.timestamp > trace.endTime)
        trace.endTime = e.timestamp;
    }
    if (AUTHORIZER_KINDS.has(kind)) sawAuthorizer = true;
    if (kind === 'authorizer-start') {
      inAuthorizer = true;
      s.authorizerRan = true;
      s.authorizerId ??= e.authorizerId;
    }
    if (!inAuthorizer && ENDPOINT_KINDS.has(kind)) s.endpointReached = true;
    if (e.apiKey && trace.apiKey === undefined) trace.apiKey = e.apiKey;
    if (e.usagePlanId && trace.usagePlanId === undefined)
      trace.usagePlanId = e.usagePlanId;
    if (
      e.apiId &&
      trace.apiId === undefined &&
      kind !== 'throttle-limit-exceeded'
    ) {
      trace.apiId = e.apiId;
      trace.stage = e.stage;
    }

    switch (kind) {
      case 'extended-request-id':
        trace.extendedRequestId ??= e.extendedRequestId;
        break;
      case 'method-request':
        trace.httpMethod = e.httpMethod ?? trace.httpMethod;
        trace.resourcePath = e.resourcePath ?? trace.resourcePath;
        break;
      case 'api-key-not-required':
        trace.httpMethod ??= e.httpMethod;
        break;
      case 'method-completed':
        if (e.status !== undefined) s.status = e.status;
        break;
      case 'endpoint-response-received':
        if (!inAuthorizer) {
          if (e.latencyMs !== undefined)
            trace.integrationLatencyMs = e.latencyMs;
          if (e.integrationStatus !== undefined)
            s.integrationStatus = e.integrationStatus;
        }
        break;
      case 'endpoint-response-headers':
        if (!inAuthorizer) {
          s.functionErrorHeader ??= headerValue(
            e.value,
            'X-Amz-Function-Error',
          );
          s.errorType ??= headerValue(e.value, 'x-amzn-ErrorType');
          if (e.value && LAMBDA_THROTTLE_TEXT.test(e.value))
            s.lambdaThrottled ??= e;
        }
        break;
      case 'endpoint-response-body':
        if (!inAuthorizer && e.value) {
          if (e.value.includes('TooManyRequestsException'))
            s.lambdaThrottled ??= e;
          const m = /"errorMessage"\s*:\s*"([^"\\]{0,200})/.exec(e.value);
          if (m) s.responseErrorMessage ??= m[1];
        }
        break;
      case 'authorizer-policy':
      case 'authorizer-success':
        allowed = true;
        break;
      case 'authorizer-unauthorized':
      case 'unauthorized':
        s.authorizerDenied ??= e;
        break;
      case 'authorizer-configuration-exception':
        s.authorizerError ??= e;
        break;
      case 'api-key-not-authorized':
        s.apiKeyRejected ??= e;
        break;
      case 'usage-plan-throttled':
      case 'throttle-limit-exceeded':
        s.throttle ??= e;
        break;
      case 'usage-plan-quota-exceeded':
        s.quota ??= e;
        break;
      case 'usage-plan-check-failed':
        s.usagePlanCheckFailed ??= e;
        break;
      case 'timeout-error':
        s.timeout ??= e;
        break;
      case 'lambda-function-error':
        s.functionError ??= e;
        break;
      case 'lambda-invocation-failed':
        if (e.integrationStatus === 429) s.lambdaThrottled ??= e;
        else s.invocationFailed ??= e;
        break;
      case 'configuration-error': {
        const message = e.errorMessage ?? '';
        if (/Rate Exceeded/i.test(message)) s.lambdaThrottled ??= e;
        else if (inAuthorizer || AUTHORIZER_ERROR_TEXT.test(message)) {
          // Keep the most telling authorizer error (the exception line says less).
          if (
            !s.authorizerError ||
            s.authorizerError.kind !== 'configuration-error'
          )
            s.authorizerError = e;
        } else s.configError ??= e;
        break;
      }
      case 'execution-failed':
        s.executionFailed ??= e;
        break;
      case 'request-validation-failed':
        if (/unexpected error/i.test(e.errorMessage ?? '')) s.configError ??= e;
        else s.validationFailed ??= e;
        break;
      default:
        break;
    }
    if (AUTHORIZER_PHASE_END.has(kind)) inAuthorizer = false;
  }

  if (s.status !== undefined) trace.status = s.status;
  if (s.integrationStatus !== undefined)
    trace.integrationStatus = s.integrationStatus;
  const failure = classifyFailure(s);
  if (failure) trace.failure = failure;
  if (sawAuthorizer) {
    let outcome: AuthorizerOutcome = 'unknown';
    if (failure?.category === 'authorizer-error') outcome = 'error';
    else if (failure?.category === 'authorizer-denied' || s.authorizerDenied)
      outcome = 'denied';
    else if (allowed) outcome = 'allowed';
    trace.authorizer = s.authorizerId
      ? { id: s.authorizerId, outcome }
      : { outcome };
  }
  if (droppedEvents > 0) trace.droppedEvents = droppedEvents;
  return trace;
}
