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

// What each kind means to the summary, as bits: one lookup per event
// instead of a set lookup per question.
const AUTHORIZER = 1; // part of the authorizer's story
const AUTHORIZER_PHASE_END = 2; // its verdict, or the method itself
const ENDPOINT = 4; // an integration call

const KIND_BITS = new Map<ExecutionLogEventKind, number>();
function mark(bit: number, kinds: ExecutionLogEventKind[]): void {
  for (const kind of kinds)
    KIND_BITS.set(kind, (KIND_BITS.get(kind) ?? 0) | bit);
}
mark(AUTHORIZER, [
  'authorizer-start',
  'authorizer-identity',
  'authorizer-result-body',
  'authorizer-policy',
  'authorizer-success',
  'authorizer-unauthorized',
  'unauthorized',
  'authorizer-configuration-exception',
]);
mark(AUTHORIZER_PHASE_END, [
  'authorizer-success',
  'authorizer-unauthorized',
  'unauthorized',
  'authorizer-configuration-exception',
  'execution-start',
  'method-request',
  'usage-plan-verify',
]);
mark(ENDPOINT, [
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

/**
 * A trace's summary, built one event at a time in timestamp order. The
 * assembler feeds events as they arrive (while they are still in the CPU
 * cache) and only re-reads a trace whose events arrived out of order.
 */
export class TraceSummary {
  private readonly s: FailureSignals = {
    authorizerRan: false,
    endpointReached: false,
  };
  private readonly trace: Omit<ExecutionTrace, 'requestId' | 'events'> = {};
  private inAuthorizer = false;
  private sawAuthorizer = false;
  private allowed = false;

  /** Takes the next event in timestamp order. */
  observe(e: ExecutionLogEvent): void {
    const kind = e.kind;
    const trace = this.trace;
    const s = this.s;
    const timestamp = e.timestamp;
    if (timestamp !== undefined) {
      if (trace.startTime === undefined || timestamp < trace.startTime)
        trace.startTime = timestamp;
      if (trace.endTime === undefined || timestamp > trace.endTime)
        trace.endTime = timestamp;
    }
    if (kind === 'unknown') return;
    const bits = KIND_BITS.get(kind) ?? 0;
    if (bits & AUTHORIZER) this.sawAuthorizer = true;
    if (!this.inAuthorizer && bits & ENDPOINT) s.endpointReached = true;

    // Fields are read only for the kinds that carry them: events of
    // different kinds have different shapes, and a read on every event
    // would be a slow megamorphic one.
    switch (kind) {
      case 'authorizer-start':
        this.inAuthorizer = true;
        s.authorizerRan = true;
        s.authorizerId ??= e.authorizerId;
        break;
      case 'extended-request-id':
        trace.extendedRequestId ??= e.extendedRequestId;
        break;
      case 'method-request':
        trace.httpMethod = e.httpMethod ?? trace.httpMethod;
        trace.resourcePath = e.resourcePath ?? trace.resourcePath;
        break;
      case 'api-key':
      case 'usage-plan-verify':
      case 'usage-plan-check-succeeded':
        this.keyAndStage(e);
        break;
      case 'api-key-not-required':
        this.keyAndStage(e);
        trace.httpMethod ??= e.httpMethod;
        break;
      case 'method-completed':
        if (e.status !== undefined) s.status = e.status;
        break;
      case 'endpoint-response-received':
        if (!this.inAuthorizer) {
          if (e.latencyMs !== undefined)
            trace.integrationLatencyMs = e.latencyMs;
          if (e.integrationStatus !== undefined)
            s.integrationStatus = e.integrationStatus;
        }
        break;
      case 'endpoint-response-headers':
        if (!this.inAuthorizer) {
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
        if (!this.inAuthorizer && e.value) {
          if (e.value.includes('TooManyRequestsException'))
            s.lambdaThrottled ??= e;
          const m = /"errorMessage"\s*:\s*"([^"\\]{0,200})/.exec(e.value);
          if (m) s.responseErrorMessage ??= m[1];
        }
        break;
      case 'authorizer-policy':
      case 'authorizer-success':
        this.allowed = true;
        break;
      case 'authorizer-unauthorized':
      case 'unauthorized':
        s.authorizerDenied ??= e;
        break;
      case 'authorizer-configuration-exception':
        s.authorizerError ??= e;
        break;
      case 'api-key-not-authorized':
        this.keyAndStage(e);
        s.apiKeyRejected ??= e;
        break;
      case 'usage-plan-throttled':
        this.keyAndStage(e);
        s.throttle ??= e;
        break;
      case 'throttle-limit-exceeded':
        // Its stage names the throttled method's API, which the trace
        // already has from the usage-plan lines when there are any.
        s.throttle ??= e;
        break;
      case 'usage-plan-quota-exceeded':
        this.keyAndStage(e);
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
        else if (this.inAuthorizer || AUTHORIZER_ERROR_TEXT.test(message)) {
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
    if (bits & AUTHORIZER_PHASE_END) this.inAuthorizer = false;
  }

  /** API key, usage plan and stage of the kinds that carry them. */
  private keyAndStage(e: ExecutionLogEvent): void {
    const trace = this.trace;
    if (e.apiKey && trace.apiKey === undefined) trace.apiKey = e.apiKey;
    if (e.usagePlanId && trace.usagePlanId === undefined)
      trace.usagePlanId = e.usagePlanId;
    if (e.apiId && trace.apiId === undefined) {
      trace.apiId = e.apiId;
      trace.stage = e.stage;
    }
  }

  /** The trace, from the events this summary observed. */
  finish(
    requestId: string,
    events: ExecutionLogEvent[],
    droppedEvents: number,
  ): ExecutionTrace {
    const s = this.s;
    const trace: ExecutionTrace = { requestId, ...this.trace, events };
    if (s.status !== undefined) trace.status = s.status;
    if (s.integrationStatus !== undefined)
      trace.integrationStatus = s.integrationStatus;
    const failure = classifyFailure(s);
    if (failure) trace.failure = failure;
    if (this.sawAuthorizer) {
      let outcome: AuthorizerOutcome = 'unknown';
      if (failure?.category === 'authorizer-error') outcome = 'error';
      else if (failure?.category === 'authorizer-denied' || s.authorizerDenied)
        outcome = 'denied';
      else if (this.allowed) outcome = 'allowed';
      trace.authorizer = s.authorizerId
        ? { id: s.authorizerId, outcome }
        : { outcome };
    }
    if (droppedEvents > 0) trace.droppedEvents = droppedEvents;
    return trace;
  }
}

/** Builds the trace of `requestId` from its events (in arrival order). */
export function summarize(
  requestId: string,
  arrived: ExecutionLogEvent[],
  droppedEvents: number,
): ExecutionTrace {
  const events = sortEvents(arrived);
  const summary = new TraceSummary();
  for (const e of events) summary.observe(e);
  return summary.finish(requestId, events, droppedEvents);
}
