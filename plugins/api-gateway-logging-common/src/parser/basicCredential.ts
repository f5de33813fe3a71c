/*
 * `Basic <base64(user:password)>` credentials can sit under any header or
 * field name (`X-Upstream-Auth`, `Proxy-Auth`, a JSON field), so they are
 * recognised by their value. The word "Basic" also starts prose ("Basic
 * authentication failed"), so the token must look like base64: it holds a
 * digit, `+`, `/` or padding, or it decodes to text with the `:` that
 * separates user and password.
 */

const BASE64_PREFIX = /^[A-Za-z0-9+/]+={0,2}/;
const NOT_A_WORD = /[0-9+/=]/;

function sextet(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43) return 62;
  if (c === 47) return 63;
  return -1;
}

/** Whether the base64 `token` decodes to bytes holding a `:` (0x3A). */
function decodesToPair(token: string): boolean {
  const usable = token.length - (token.length % 4);
  for (let i = 0; i < usable; i += 4) {
    const a = sextet(token.charCodeAt(i));
    const b = sextet(token.charCodeAt(i + 1));
    const c = sextet(token.charCodeAt(i + 2));
    const d = sextet(token.charCodeAt(i + 3));
    if (a < 0 || b < 0) return false;
    if (((a << 2) | (b >> 4)) === 58) return true;
    if (c < 0) return false;
    if ((((b & 15) << 4) | (c >> 2)) === 58) return true;
    if (d < 0) return false;
    if ((((c & 3) << 6) | d) === 58) return true;
  }
  return false;
}

/**
 * The length of the credential at the start of `value` (the text after
 * `Basic `), or 0 when it reads as a word rather than a credential.
 */
export function basicCredentialLength(value: string): number {
  const token = BASE64_PREFIX.exec(value)?.[0];
  if (!token || token.length < 4) return 0;
  if (token.length >= 8 && NOT_A_WORD.test(token)) return token.length;
  return decodesToPair(token) ? token.length : 0;
}
