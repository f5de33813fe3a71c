import type { AccessLogRecord } from './failures';
import type { FailureCategory } from './parser';
import { redactText } from './parser';

/*
 * Access-log records in the owner's JSON format. The field names are the
 * owner's choice, so values are recognized by the usual names (AWS's own
 * examples and common variants) and kept as logged otherwise.
 */

const ALIASES: Record<keyof Omit<AccessLogRecord, 'fields'>, string[]> = {
  requestId: ['requestId', 'request_id', 'requestid'],
  extendedRequestId: ['extendedRequestId', 'extended_request_id'],
  status: ['status', 'statusCode', 'status_code', 'httpStatus'],
  httpMethod: ['httpMethod', 'http_method', 'method'],
  resourcePath: ['resourcePath', 'resource_path', 'path', 'resource'],
  routeKey: ['routeKey', 'route_key'],
  requestTime: ['requestTime', 'request_time'],
  errorResponseType: [
    'errorResponseType',
    'error_responseType',
    'responseType',
    'error.responseType',
  ],
  errorMessage: [
    'errorMessage',
    'error_message',
    'error_messageString',
    'error.message',
  ],
  authorizerError: ['authorizerError', 'authorizer_error', 'authorizer.error'],
  integrationErrorMessage: [
    'integrationErrorMessage',
    'integration_error',
    'integrationError',
  ],
  responseLatencyMs: ['responseLatency', 'response_latency', 'latency'],
  integrationLatencyMs: ['integrationLatency', 'integration_latency'],
};

const NUMERIC = new Set([
  'status',
  'responseLatencyMs',
  'integrationLatencyMs',
]);
const MAX_RECORD_LENGTH = 64 * 1024;

function unset(value: unknown): boolean {
  // Unset $context variables render as '-'.
  return value === undefined || value === null || value === '-' || value === '';
}

/**
 * Parses one access-log event whose format is JSON. Returns undefined for a
 * non-JSON or oversized line (never throws). Values are redacted.
 *
 * @public
 */
export function parseAccessLogRecord(
  message: string,
): AccessLogRecord | undefined {
  if (typeof message !== 'string' || message.length > MAX_RECORD_LENGTH)
    return undefined;
  const text = message.trim();
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return undefined;
  const fields: AccessLogRecord['fields'] = {};
  for (const [key, value] of Object.entries(
    parsed as Record<string, unknown>,
  )) {
    if (typeof value === 'string') fields[key] = redactText(value);
    else if (
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
    )
      fields[key] = value;
    else fields[key] = redactText(JSON.stringify(value).slice(0, 2048));
  }
  const record: AccessLogRecord = { fields };
  for (const [name, aliases] of Object.entries(ALIASES) as [
    keyof typeof ALIASES,
    string[],
  ][]) {
    const key = aliases.find(a => !unset(fields[a]));
    if (key === undefined) continue;
    const value = fields[key];
    if (NUMERIC.has(name)) {
      const n = Number(value);
      if (Number.isFinite(n)) (record as any)[name] = n;
    } else {
      (record as any)[name] = String(value);
    }
  }
  return record;
}

/**
 * The failure category of a request known only from its access-log record
 * (HTTP APIs have no execution logs), from its status and the gateway
 * response type. Undefined for a success.
 *
 * @public
 */
export function categorizeAccessLogRecord(
  record: AccessLogRecord,
): { category: FailureCategory; reason: string } | undefined {
  const status = record.status;
  if (status === undefined || status < 400) return undefined;
  const type = record.errorResponseType?.toUpperCase();
  const detail =
    record.integrationErrorMessage ??
    record.authorizerError ??
    record.errorMessage;
  const withDetail = (text: string) => (detail ? `${text}: ${detail}` : text);
  switch (type) {
    case 'UNAUTHORIZED':
    case 'ACCESS_DENIED':
    case 'MISSING_AUTHENTICATION_TOKEN':
    case 'EXPIRED_TOKEN':
    case 'INVALID_SIGNATURE':
      return {
        category: 'authorizer-denied',
        reason: withDetail(`The request was refused (${type})`),
      };
    case 'AUTHORIZER_FAILURE':
    case 'AUTHORIZER_CONFIGURATION_ERROR':
      return {
        category: 'authorizer-error',
        reason: withDetail(`The authorizer failed (${type})`),
      };
    case 'THROTTLED':
      return {
        category: 'throttled',
        reason: 'The request was throttled (429 THROTTLED)',
      };
    case 'QUOTA_EXCEEDED':
      return {
        category: 'quota-exceeded',
        reason: 'The usage plan quota was exhausted (429 QUOTA_EXCEEDED)',
      };
    case 'INVALID_API_KEY':
      return {
        category: 'api-key-rejected',
        reason: 'The API key was missing or invalid (INVALID_API_KEY)',
      };
    case 'INTEGRATION_TIMEOUT':
      return {
        category: 'integration-timeout',
        reason: withDetail('The integration timed out'),
      };
    case 'INTEGRATION_FAILURE':
    case 'API_CONFIGURATION_ERROR':
      return {
        category: 'integration-error',
        reason: withDetail(`The integration failed (${type})`),
      };
    default:
      break;
  }
  if (record.authorizerError) {
    return {
      category: status >= 500 ? 'authorizer-error' : 'authorizer-denied',
      reason: `Authorizer: ${record.authorizerError}`,
    };
  }
  if (status === 429)
    return {
      category: 'throttled',
      reason: withDetail('Too many requests (429)'),
    };
  if (status === 504)
    return {
      category: 'integration-timeout',
      reason: withDetail('The integration timed out (504)'),
    };
  if (status >= 500 && record.integrationErrorMessage) {
    return {
      category: 'integration-error',
      reason: `The integration failed: ${record.integrationErrorMessage}`,
    };
  }
  if (status >= 500)
    return {
      category: 'server-error',
      reason: withDetail(`Server error (${status})`),
    };
  return {
    category: 'client-error',
    reason: withDetail(`Client error (${status})`),
  };
}
