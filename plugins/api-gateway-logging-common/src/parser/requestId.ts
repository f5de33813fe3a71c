import { MAX_REQUEST_ID_LENGTH as LIMIT } from './limits';

// A local copy: module bindings compile to getters under some transforms.
const MAX_REQUEST_ID_LENGTH = LIMIT;

// Checked with character loops rather than regular expressions: this runs
// on every event, and the length is fixed before any character is read.

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** 8-4-4-4-12 hexadecimal digits. */
function isUuid(id: string): boolean {
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!isHex(c)) return false;
  }
  return true;
}

/** 15 base64url characters and `=` padding (`Vts2FFmArPEFh8g=`). */
function isExtendedId(id: string): boolean {
  if (id.charCodeAt(15) !== 61) return false;
  for (let i = 0; i < 15; i++) {
    const c = id.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 45 ||
      c === 95;
    if (!ok) return false;
  }
  return true;
}

/**
 * Whether `id` is an API Gateway request id: a UUID (v1 until ~2019, v4
 * since) or an extended request id such as `Vts2FFmArPEFh8g=`.
 *
 * @public
 */
export function isValidRequestId(id: unknown): id is string {
  if (typeof id !== 'string') return false;
  if (id.length === 36) return isUuid(id);
  return id.length === 16 && isExtendedId(id);
}

/**
 * `id` as API Gateway logs it, or undefined when it is not a request id.
 * Filter patterns are case-sensitive and API Gateway writes UUIDs in lower
 * case, so a UUID pasted in upper case is lowered; an extended request id
 * (base64) is case-sensitive and stays as given.
 *
 * @public
 */
export function normalizeRequestId(id: unknown): string | undefined {
  if (!isValidRequestId(id)) return undefined;
  return id.length === 36 ? id.toLowerCase() : id;
}

/** A CloudWatch event message split into its request id and the rest. @public */
export interface EventPrefix {
  /** The id in the `(requestId) ` prefix; absent for unprefixed messages. */
  requestId?: string;
  /** The message after the prefix (the whole message when there is none). */
  body: string;
}

/**
 * Splits `({requestId}) {message}`. Cheap (no regular expression over the
 * message), so the backend can call it on every event it reads.
 *
 * @public
 */
export function parseEventPrefix(message: string): EventPrefix {
  if (typeof message !== 'string') return { body: '' };
  if (message.charCodeAt(0) !== 40 /* ( */) return { body: message };
  const close = message.indexOf(')', 1);
  if (close < 0 || close > MAX_REQUEST_ID_LENGTH + 1) return { body: message };
  const requestId = message.slice(1, close);
  if (!isValidRequestId(requestId)) return { body: message };
  const start = message.charCodeAt(close + 1) === 32 ? close + 2 : close + 1;
  return { requestId, body: message.slice(start) };
}
