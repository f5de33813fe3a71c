import type { ExecutionLogEvent, TraceFailure } from './types';

/**
 * What a trace's events say about its outcome, gathered in one pass by
 * `summarize` and turned into a failure category here. Kept apart from the
 * pass so the rules read as a decision list.
 */
export interface FailureSignals {
  status?: number;
  integrationStatus?: number;
  authorizerId?: string;
  authorizerRan: boolean;
  /** An integration call was made (outside the authorizer phase). */
  endpointReached: boolean;
  lambdaThrottled?: ExecutionLogEvent;
  quota?: ExecutionLogEvent;
  throttle?: ExecutionLogEvent;
  apiKeyRejected?: ExecutionLogEvent;
  authorizerDenied?: ExecutionLogEvent;
  authorizerError?: ExecutionLogEvent;
  timeout?: ExecutionLogEvent;
  functionError?: ExecutionLogEvent;
  invocationFailed?: ExecutionLogEvent;
  configError?: ExecutionLogEvent;
  executionFailed?: ExecutionLogEvent;
  validationFailed?: ExecutionLogEvent;
  usagePlanCheckFailed?: ExecutionLogEvent;
  /** `X-Amz-Function-Error` header value (Handled / Unhandled). */
  functionErrorHeader?: string;
  /** `x-amzn-ErrorType` header value of the integration response. */
  errorType?: string;
  /** `errorMessage` of the integration response body, when present. */
  responseErrorMessage?: string;
}

/** Cuts quoted text so a reason stays a sentence, not a dump. */
export function clip(text: string | undefined, max = 160): string {
  if (!text) return '';
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const MALFORMED =
  'Lambda proxy response was malformed (the function must return {statusCode, headers, body})';

function withStatus(reason: string, status: number | undefined): string {
  return status === undefined
    ? reason
    : `${reason}; API Gateway returned ${status}`;
}

function keyName(event: ExecutionLogEvent): string {
  return event.apiKey ? `API key ${event.apiKey}` : 'The request';
}

function limits(event: ExecutionLogEvent): string {
  const parts: string[] = [];
  if (event.rateLimit !== undefined) parts.push(`rate ${event.rateLimit}`);
  if (event.burstLimit !== undefined) parts.push(`burst ${event.burstLimit}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function throttleReason(event: ExecutionLogEvent): string {
  if (event.kind === 'usage-plan-throttled' || event.usagePlanId) {
    const plan = event.usagePlanId ? ` of usage plan ${event.usagePlanId}` : '';
    return `${keyName(event)} exceeded the throttle limit${plan}${limits(
      event,
    )}`;
  }
  const method = event.httpMethod ? ` ${event.httpMethod}` : '';
  const resource = event.resourceId ? ` on resource ${event.resourceId}` : '';
  const stage =
    event.apiId && event.stage ? ` of stage ${event.apiId}/${event.stage}` : '';
  return `${keyName(
    event,
  )} exceeded the throttle limit of method${method}${resource}${stage}${limits(
    event,
  )}`;
}

function quotaReason(event: ExecutionLogEvent): string {
  const plan = event.usagePlanId ? ` of usage plan ${event.usagePlanId}` : '';
  const quota =
    event.quotaLimit !== undefined
      ? ` (${event.quotaLimit} requests per ${(
          event.quotaPeriod ?? 'period'
        ).toLowerCase()})`
      : '';
  return `${keyName(event)} exceeded the quota${plan}${quota}`;
}

function authorizerErrorReason(s: FailureSignals): string {
  const who = s.authorizerId
    ? `Authorizer ${s.authorizerId}`
    : 'The authorizer';
  const message = s.authorizerError?.errorMessage ?? '';
  if (/could not parse policy/i.test(message))
    return `${who} returned no valid IAM policy (Could not parse policy)`;
  if (/invalid json in response/i.test(message))
    return `${who} returned a response API Gateway could not read (${clip(
      message,
      120,
    )})`;
  if (/assume the provided role/i.test(message))
    return `API Gateway cannot assume the authorizer's credentials role (${clip(
      message,
      200,
    )})`;
  if (/authorizer error/i.test(message))
    return `${who} failed or is misconfigured (Authorizer error)`;
  return `${who} failed or is misconfigured (AuthorizerConfigurationException)`;
}

function configErrorReason(message: string, s: FailureSignals): string {
  if (/malformed lambda proxy response/i.test(message)) return MALFORMED;
  if (/invalid permissions on lambda function/i.test(message))
    return 'API Gateway is not allowed to invoke the Lambda function (Invalid permissions on Lambda function: add a resource-based permission for apigateway.amazonaws.com)';
  if (/unable to transform request/i.test(message))
    return 'The integration request mapping could not transform the request (Unable to transform request)';
  if (/does not match the certificate/i.test(message))
    return `The integration endpoint's TLS certificate does not match its host name (${clip(
      message,
      200,
    )})`;
  if (/no match for output mapping/i.test(message))
    return `No integration response mapping matches the endpoint's response and there is no default mapping (${clip(
      message,
      160,
    )})`;
  if (/output mapping refers to an invalid method response/i.test(message))
    return `An integration response maps to a method response that does not exist (${clip(
      message,
      160,
    )})`;
  if (/assume the provided role/i.test(message))
    return `API Gateway cannot assume the integration's credentials role (${clip(
      message,
      200,
    )})`;
  if (message === '') {
    if (s.invocationFailed) return invocationReason(s.invocationFailed);
    return s.status === 502
      ? 'The integration failed with a configuration error and no reason was logged (with a Lambda proxy integration a 502 usually means a malformed proxy response)'
      : 'The integration failed with a configuration error and no reason was logged';
  }
  return `The integration is misconfigured: ${clip(message)}`;
}

function invocationReason(event: ExecutionLogEvent): string {
  const status = event.integrationStatus;
  if (status === 403)
    return 'Lambda refused the invocation with 403 (AccessDeniedException): the integration must call Lambda with POST and have permission to invoke it';
  return `Lambda invocation failed with status ${status ?? 'unknown'}`;
}

function functionErrorReason(event: ExecutionLogEvent): string {
  const message = event.errorMessage ?? '';
  const timedOut = /Task timed out after [0-9.]+ seconds/.exec(message);
  if (timedOut) return `Lambda function timed out (${timedOut[0]})`;
  return `Lambda function failed: ${clip(message) || 'no error message'}`;
}

/**
 * The failure a trace's signals point to, or undefined for a success or an
 * outcome the log does not show. Order matters: specific gateway-side causes
 * first, then the status classes.
 */
export function classifyFailure(s: FailureSignals): TraceFailure | undefined {
  const status = s.status;
  if (status !== undefined && status < 400) return undefined;

  // A Lambda function's own throttling is an integration failure (500/502),
  // not an API Gateway 429.
  if (s.lambdaThrottled) {
    return {
      category: 'integration-error',
      reason: withStatus(
        'Lambda function was throttled (429 TooManyRequestsException / Rate Exceeded): its reserved or the account concurrency is exhausted',
        status,
      ),
    };
  }
  if (s.quota)
    return { category: 'quota-exceeded', reason: quotaReason(s.quota) };
  if (s.throttle)
    return { category: 'throttled', reason: throttleReason(s.throttle) };
  if (s.apiKeyRejected) {
    const e = s.apiKeyRejected;
    const method =
      e.httpMethod && e.resourcePath
        ? ` '${e.httpMethod} ${e.resourcePath}'`
        : '';
    return {
      category: 'api-key-rejected',
      reason: `API key missing, invalid or not in a usage plan of this stage: method${method} requires an API key`,
    };
  }
  if (s.authorizerError)
    return { category: 'authorizer-error', reason: authorizerErrorReason(s) };
  if (s.authorizerDenied) {
    const who = s.authorizerId
      ? `Authorizer ${s.authorizerId}`
      : 'The authorizer';
    return {
      category: 'authorizer-denied',
      reason: withStatus(`${who} denied the request (Unauthorized)`, status),
    };
  }
  if (s.timeout) {
    return {
      category: 'integration-timeout',
      reason: withStatus(
        'The integration did not answer within the integration timeout (Execution failed due to a timeout error)',
        status,
      ),
    };
  }
  if (s.functionError)
    return {
      category: 'integration-error',
      reason: withStatus(functionErrorReason(s.functionError), status),
    };
  if (s.configError) {
    const message = s.configError.errorMessage ?? '';
    if (/request body validation failed/i.test(message))
      return {
        category: 'server-error',
        reason:
          'Request body validation failed due to an unexpected error (check the method request model)',
      };
    return {
      category: 'integration-error',
      reason: withStatus(configErrorReason(message, s), status),
    };
  }
  if (s.invocationFailed)
    return {
      category: 'integration-error',
      reason: withStatus(invocationReason(s.invocationFailed), status),
    };
  if (s.usagePlanCheckFailed)
    return {
      category: 'server-error',
      reason: 'The usage plan check failed due to an internal error',
    };
  if (s.executionFailed)
    return {
      category: 'server-error',
      reason: withStatus(
        `Execution failed due to ${clip(s.executionFailed.errorMessage)}`,
        status,
      ),
    };
  if (s.validationFailed)
    return {
      category: 'client-error',
      reason: `The request failed validation (${clip(
        s.validationFailed.errorMessage,
        200,
      )})`,
    };
  if (s.functionErrorHeader && (status === undefined || status >= 400)) {
    const detail = s.responseErrorMessage
      ? `: ${clip(s.responseErrorMessage)}`
      : '';
    return {
      category: 'integration-error',
      reason: withStatus(
        `Lambda function reported an error (X-Amz-Function-Error=${s.functionErrorHeader})${detail}`,
        status,
      ),
    };
  }
  if (status === undefined) return undefined;
  return statusFailure(status, s);
}

/** Failure from the status alone, when no line names the cause. */
function statusFailure(status: number, s: FailureSignals): TraceFailure {
  const denied = s.authorizerRan && !s.endpointReached;
  if (status === 401 || (status === 403 && denied)) {
    if (s.authorizerRan) {
      const who = s.authorizerId
        ? `Authorizer ${s.authorizerId}`
        : 'The authorizer';
      return {
        category: 'authorizer-denied',
        reason: `${who} denied the request (status ${status})`,
      };
    }
    return {
      category: 'client-error',
      reason: 'The request was not authenticated (status 401)',
    };
  }
  if (status === 429)
    return {
      category: 'throttled',
      reason:
        'The request was throttled (status 429); no throttle or quota line was logged',
    };
  if (status === 504)
    return {
      category: 'integration-timeout',
      reason: 'The integration endpoint timed out (status 504)',
    };
  if (s.errorType && s.endpointReached) {
    return {
      category: 'integration-error',
      reason: `The integration answered ${
        s.integrationStatus ?? status
      } (${clip(
        s.errorType,
        80,
      )}) and API Gateway passed it on with status ${status}`,
    };
  }
  if (status < 500) {
    const from =
      s.endpointReached && s.integrationStatus !== undefined
        ? ` (the integration answered ${s.integrationStatus})`
        : '';
    return {
      category: 'client-error',
      reason: `The request failed with status ${status}${from}`,
    };
  }
  if (
    status === 502 ||
    (s.endpointReached && (s.integrationStatus ?? 0) >= 500)
  ) {
    const answered =
      s.integrationStatus !== undefined
        ? `The integration answered ${s.integrationStatus}`
        : 'The integration failed';
    return {
      category: 'integration-error',
      reason: `${answered} and API Gateway returned ${status}`,
    };
  }
  return {
    category: 'server-error',
    reason: `The request failed with status ${status}`,
  };
}
