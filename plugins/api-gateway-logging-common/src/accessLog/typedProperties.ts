import type { AccessLogRecord } from '../failures';
import { type AccessLogFieldValue, isUnset } from './fieldValue';

/*
 * The typed properties of a record come from the `$context` variable a field
 * holds (`"st": "$context.status"` fills `status`), never from the field's
 * name. Where two variables say the same thing, the first listed wins.
 */

type TypedKey = Exclude<keyof AccessLogRecord, 'fields'>;

const SOURCES: ReadonlyArray<[TypedKey, readonly string[], 'text' | 'number']> =
  [
    ['requestId', ['requestId'], 'text'],
    ['extendedRequestId', ['extendedRequestId'], 'text'],
    ['status', ['status'], 'number'],
    ['httpMethod', ['httpMethod'], 'text'],
    // REST's `path` carries the stage and the real path; the resource
    // template is better when the format has both.
    ['resourcePath', ['resourcePath', 'path'], 'text'],
    ['routeKey', ['routeKey'], 'text'],
    ['requestTime', ['requestTime'], 'text'],
    ['requestTimeEpoch', ['requestTimeEpoch'], 'number'],
    ['errorResponseType', ['error.responseType'], 'text'],
    ['errorMessage', ['error.message', 'error.messageString'], 'text'],
    ['authorizerError', ['authorizer.error'], 'text'],
    [
      'integrationErrorMessage',
      ['integrationErrorMessage', 'integration.error'],
      'text',
    ],
    ['responseLatencyMs', ['responseLatency'], 'number'],
    [
      'integrationLatencyMs',
      ['integrationLatency', 'integration.latency'],
      'number',
    ],
  ].map(([key, variables, type]) => [
    key as TypedKey,
    (variables as string[]).map(v => `$context.${v}`),
    type as 'text' | 'number',
  ]);

const NUMBER = /^-?\d{1,15}(?:\.\d{1,6})?$/;

function toNumber(value: AccessLogFieldValue): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) return undefined;
  return Number(value.trim());
}

function toText(variable: string, value: AccessLogFieldValue): string {
  const text = String(value);
  // `$context.error.messageString` is the message in double quotes.
  if (
    variable === '$context.error.messageString' &&
    text.length >= 2 &&
    text.startsWith('"') &&
    text.endsWith('"')
  )
    return text.slice(1, -1);
  return text;
}

/**
 * Sets the typed properties of `record` from `byVariable`: the (redacted)
 * value of the field that holds exactly that variable.
 */
export function fillTypedProperties(
  record: AccessLogRecord,
  byVariable: ReadonlyMap<string, AccessLogFieldValue>,
): void {
  const typed = record as unknown as Record<TypedKey, string | number>;
  for (const [key, variables, type] of SOURCES) {
    for (const variable of variables) {
      const value = byVariable.get(variable);
      if (isUnset(value)) continue;
      if (type === 'number') {
        const n = toNumber(value!);
        if (n === undefined) continue;
        typed[key] = n;
      } else {
        typed[key] = toText(variable, value!);
      }
      break;
    }
  }
}
