import {
  ExecutionLogEvent,
  ExecutionLogEventKind,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** The steps API Gateway takes for a request, in the order it takes them. */
export const PHASES = [
  { id: 'received', title: 'Request received' },
  { id: 'authorizer', title: 'Authorizer' },
  { id: 'usage-plan', title: 'Usage plan and API key' },
  { id: 'method-request', title: 'Method request' },
  { id: 'integration-request', title: 'Integration request' },
  { id: 'integration-response', title: 'Integration response' },
  { id: 'method-response', title: 'Method response' },
] as const;

/** One of {@link PHASES}. */
export type PhaseId = (typeof PHASES)[number]['id'];

/**
 * The phase of each event kind. Kinds missing here (configuration errors,
 * `Execution failed`, unrecognised lines) belong to the step they follow.
 */
const PHASE_OF_KIND: Partial<Record<ExecutionLogEventKind, PhaseId>> = {
  'execution-log-header': 'received',
  'extended-request-id': 'received',
  'execution-start': 'received',
  'authorizer-start': 'authorizer',
  'authorizer-identity': 'authorizer',
  'authorizer-result-body': 'authorizer',
  'authorizer-policy': 'authorizer',
  'authorizer-success': 'authorizer',
  'authorizer-unauthorized': 'authorizer',
  unauthorized: 'authorizer',
  'authorizer-configuration-exception': 'authorizer',
  'api-key': 'usage-plan',
  'api-key-id': 'usage-plan',
  'usage-plan-verify': 'usage-plan',
  'api-key-not-required': 'usage-plan',
  'api-key-not-authorized': 'usage-plan',
  'usage-plan-check-succeeded': 'usage-plan',
  'usage-plan-check-failed': 'usage-plan',
  'throttle-limit-exceeded': 'usage-plan',
  'usage-plan-throttled': 'usage-plan',
  'usage-plan-quota-exceeded': 'usage-plan',
  'method-request': 'method-request',
  'method-request-path': 'method-request',
  'method-request-query-string': 'method-request',
  'method-request-headers': 'method-request',
  'method-request-body': 'method-request',
  'request-validation-succeeded': 'method-request',
  'request-validation-failed': 'method-request',
  'endpoint-request-uri': 'integration-request',
  'endpoint-request-headers': 'integration-request',
  'endpoint-request-body': 'integration-request',
  'endpoint-request-sent': 'integration-request',
  'endpoint-response-received': 'integration-response',
  'endpoint-response-headers': 'integration-response',
  'endpoint-response-body': 'integration-response',
  'integration-request-id': 'integration-response',
  'lambda-invocation-failed': 'integration-response',
  'lambda-function-error': 'integration-response',
  'timeout-error': 'integration-response',
  'method-response-body': 'method-response',
  'method-response-headers': 'method-response',
  'execution-succeeded': 'method-response',
  'method-completed': 'method-response',
  'xray-trace-id': 'method-response',
};

/** Kinds that say a step failed. */
const FAILURE_KINDS: ReadonlySet<ExecutionLogEventKind> = new Set([
  'authorizer-unauthorized',
  'unauthorized',
  'authorizer-configuration-exception',
  'api-key-not-authorized',
  'usage-plan-check-failed',
  'throttle-limit-exceeded',
  'usage-plan-throttled',
  'usage-plan-quota-exceeded',
  'request-validation-failed',
  'configuration-error',
  'timeout-error',
  'execution-failed',
  'lambda-invocation-failed',
  'lambda-function-error',
] as ExecutionLogEventKind[]);

/** Whether an event reports a failure. */
export function isFailureEvent(event: ExecutionLogEvent): boolean {
  return FAILURE_KINDS.has(event.kind);
}

/** The events of one phase of a trace. */
export interface TracePhase {
  id: PhaseId;
  title: string;
  events: ExecutionLogEvent[];
  failed: boolean;
  /** Last minus first event timestamp in the phase, when both are known. */
  durationMs?: number;
  /** `Integration latency`, for the integration response phase. */
  latencyMs?: number;
}

/**
 * Groups a trace's events by phase, every phase in API Gateway's order (empty
 * phases included: a step that logged nothing is worth seeing).
 */
export function groupByPhase(events: ExecutionLogEvent[]): TracePhase[] {
  const byPhase = new Map<PhaseId, ExecutionLogEvent[]>();
  let current: PhaseId = 'received';
  for (const event of events) {
    current = PHASE_OF_KIND[event.kind] ?? current;
    const list = byPhase.get(current) ?? [];
    list.push(event);
    byPhase.set(current, list);
  }
  return PHASES.map(({ id, title }) => {
    const phaseEvents = byPhase.get(id) ?? [];
    const times = phaseEvents
      .map(e => e.timestamp)
      .filter((t): t is number => t !== undefined);
    const latency = phaseEvents.find(e => e.latencyMs !== undefined)?.latencyMs;
    return {
      id,
      title,
      events: phaseEvents,
      failed: phaseEvents.some(isFailureEvent),
      durationMs:
        times.length > 1 ? Math.max(...times) - Math.min(...times) : undefined,
      latencyMs: latency,
    };
  });
}
