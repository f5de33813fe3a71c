import type { AccessLogRecord } from '../failures';
import { isUnset, redactFieldValue } from './fieldValue';
import { isSecretAccessLogField } from './secretFields';

/*
 * Access-log records of a JSON format that is not known (the fallback when
 * the stage's format could not be compiled). The field names are the
 * owner's choice, so values are recognized by the usual names (AWS's own
 * examples and common variants) and kept as logged otherwise. Without the
 * format the variable a field holds is unknown, so secrets are found by the
 * field's name and by the value redactor only.
 */

const ALIASES: Record<keyof Omit<AccessLogRecord, 'fields'>, string[]> = {
  requestId: ['requestId', 'request_id', 'requestid'],
  extendedRequestId: ['extendedRequestId', 'extended_request_id'],
  status: ['status', 'statusCode', 'status_code', 'httpStatus'],
  httpMethod: ['httpMethod', 'http_method', 'method'],
  resourcePath: ['resourcePath', 'resource_path', 'path', 'resource'],
  routeKey: ['routeKey', 'route_key'],
  requestTime: ['requestTime', 'request_time'],
  requestTimeEpoch: ['requestTimeEpoch', 'request_time_epoch'],
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
  'requestTimeEpoch',
  'responseLatencyMs',
  'integrationLatencyMs',
]);
const MAX_RECORD_LENGTH = 64 * 1024;

/**
 * Parses one access-log event whose format is JSON but not known. Returns
 * undefined for a non-JSON or oversized line (never throws). Fields whose
 * name looks secret (`authorization`, `apiKey`, `cookie`, `token`,
 * `client_secret`, `password`, ...) are `[REDACTED]` whatever their type;
 * other values are redacted as text. Prefer `compileAccessLogFormat` when
 * the stage's format is known: it also redacts by the `$context` variable.
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
    fields[key] = redactFieldValue(value, isSecretAccessLogField(key, []));
  }
  const record: AccessLogRecord = { fields };
  for (const [name, aliases] of Object.entries(ALIASES) as [
    keyof typeof ALIASES,
    string[],
  ][]) {
    const key = aliases.find(a => !isUnset(fields[a]));
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
