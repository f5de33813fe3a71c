import type { AccessLogFormat, EstateApi } from './estate';
import type { GeneratedRequest, RequestContext } from './scenarios';

/*
 * Access-log formats of the estate (`$context` variables, as in AWS's
 * documented examples) and the records API Gateway would write for a
 * generated request.
 */

const REST_JSON = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  errorResponseType: '$context.error.responseType',
  errorMessage: '$context.error.message',
  authorizerError: '$context.authorizer.error',
};

const HTTP_JSON = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationErrorMessage: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/** The `accessLogSettings.format` of a stage. */
export function accessLogFormatString(
  api: EstateApi,
  format: AccessLogFormat,
): string {
  const json = api.type === 'REST' ? REST_JSON : HTTP_JSON;
  switch (format) {
    case 'json':
      return JSON.stringify(json);
    case 'json-without-request-id': {
      const { requestId: _omit, ...rest } = json;
      return JSON.stringify(rest);
    }
    default:
      return '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength';
  }
}

function clfTime(ms: number): string {
  // 21/Nov/2026:06:00:00 +0000, as $context.requestTime renders.
  const d = new Date(ms);
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${
    months[d.getUTCMonth()]
  }/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000`;
}

/** The access-log line API Gateway writes for one request. */
export function accessLogRecord(
  api: EstateApi,
  format: AccessLogFormat,
  ctx: RequestContext,
  request: GeneratedRequest,
  startMs: number,
  sourceIp: string,
): string {
  const values: Record<string, string> = {
    requestId: request.requestId,
    extendedRequestId: request.extendedRequestId,
    ip: sourceIp,
    requestTime: clfTime(startMs),
    httpMethod: ctx.httpMethod,
    resourcePath: ctx.resource,
    routeKey: `${ctx.httpMethod} ${ctx.resource}`,
    status: String(request.status),
    protocol: 'HTTP/1.1',
    responseLength: String(request.status === 200 ? 64 : 36),
    responseLatency: String(request.latencyMs),
    integrationLatency:
      request.integrationLatencyMs !== undefined
        ? String(request.integrationLatencyMs)
        : '-',
    errorResponseType: request.errorResponseType ?? '-',
    errorMessage: request.errorMessage ?? '-',
    integrationErrorMessage:
      request.status >= 500 && request.errorMessage
        ? request.errorMessage
        : '-',
    authorizerError:
      request.scenario === 'authorizer-error' ? 'Authorizer error' : '-',
  };
  if (format === 'clf-without-request-id') {
    return `${sourceIp} - - [${values.requestTime}] "${ctx.httpMethod} ${values.routeKey} HTTP/1.1" ${values.status} ${values.responseLength}`;
  }
  const keys = Object.keys(api.type === 'REST' ? REST_JSON : HTTP_JSON).filter(
    key => format === 'json' || key !== 'requestId',
  );
  return JSON.stringify(Object.fromEntries(keys.map(k => [k, values[k]])));
}
