import type { AccessLogRecord } from '../failures';
import { REDACTED, redactText } from '../parser';

/** A value of {@link AccessLogRecord.fields}. */
export type AccessLogFieldValue = AccessLogRecord['fields'][string];

/** Longest text kept for a nested JSON value of a field. */
const MAX_NESTED_LENGTH = 2048;

/** `-` is how API Gateway writes an unset `$context` variable. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '-' || value === '';
}

/**
 * A field's value as it may be shown: replaced whole when the field is
 * secret (any type but an unset value), else redacted as text. Nested JSON
 * becomes redacted text, at most 2,048 characters.
 */
export function redactFieldValue(
  value: unknown,
  secret: boolean,
): AccessLogFieldValue {
  if (value === undefined || value === null) return null;
  if (secret && !isUnset(value)) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? '';
  } catch {
    text = '';
  }
  return redactText(text).slice(0, MAX_NESTED_LENGTH);
}
