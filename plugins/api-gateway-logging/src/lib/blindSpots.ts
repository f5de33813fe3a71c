import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';

/** A limit of API Gateway logging that bears on what a trace shows. */
export interface BlindSpot {
  id: string;
  title: string;
  text: string;
}

const INFO_ONLY_KINDS = new Set([
  'method-request',
  'method-request-headers',
  'endpoint-request-uri',
  'endpoint-response-received',
  'method-completed',
  'execution-start',
]);

/**
 * The blind spots that apply to one traced request: what the logs cannot
 * say about it, so that a missing step is not read as "did not happen".
 */
export function blindSpotsFor(response: TraceResponse): BlindSpot[] {
  const { trace, accessLog } = response;
  const status = trace?.status ?? accessLog?.status;
  const category = trace?.failure?.category;
  const events = trace?.events ?? [];
  const spots: BlindSpot[] = [];
  const isHttp = response.apiType === 'HTTP';

  if (isHttp) {
    spots.push({
      id: 'http-api',
      title: 'HTTP APIs have access logs only',
      text: 'HTTP APIs write no execution logs: the steps of the request are not logged, only the access-log line.',
    });
  } else if (!trace && accessLog) {
    spots.push({
      id: 'no-execution-log',
      title: 'No execution-log events for this request',
      text: 'The access log has the request but the execution logs do not: execution logging may be OFF for this method or stage, the account may lack the CloudWatch Logs role, or the events may have been routed to another log group.',
    });
  }
  if (events.length > 0 && !events.some(e => INFO_ONLY_KINDS.has(e.kind))) {
    spots.push({
      id: 'error-level',
      title: 'The stage seems to log at ERROR level',
      text: 'Only error lines were written for this request: the steps before the failure (method request, integration request) are not logged. Set the logging level to INFO to see them.',
    });
  }
  if (status === 401 && !events.some(e => e.kind === 'authorizer-start')) {
    spots.push({
      id: 'token-authorizer',
      title: 'A TOKEN authorizer with a missing identity source logs nothing',
      text: 'When the header a TOKEN authorizer reads is missing or empty, API Gateway answers 401 without running the authorizer, and writes no authorizer lines.',
    });
  }
  if (
    status === 429 ||
    category === 'throttled' ||
    category === 'quota-exceeded'
  ) {
    spots.push({
      id: 'excessive-429',
      title: 'API Gateway may not log excessive 429s',
      text: 'Under heavy throttling, API Gateway does not write every rejected request to the execution logs: counts of throttled requests are a lower bound.',
    });
  }
  if (
    status === 500 ||
    status === 502 ||
    category === 'integration-error' ||
    category === 'server-error'
  ) {
    spots.push({
      id: 'lambda-throttling',
      title: "A Lambda function's own throttling is not a 429",
      text: "When the backing Lambda function is throttled (its concurrency limit), API Gateway reports an integration failure: 500 or 502, not 429. Check the function's Throttles metric.",
    });
  }
  if (events.some(e => e.truncated)) {
    spots.push({
      id: 'truncated',
      title: 'Some events were truncated',
      text: 'API Gateway cuts each execution-log event at 1,024 bytes: long headers and bodies end early, marked below.',
    });
  }
  return spots;
}
