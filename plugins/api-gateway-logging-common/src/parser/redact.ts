/**
 * Secret redaction for execution-log text (and any other text, such as
 * access-log records). Two passes, both linear in the text:
 *
 * 1. Keyed values: a header, map entry, JSON field or URL parameter whose
 *    name looks secret (`Authorization`, `X-Amz-Security-Token`, `Cookie`,
 *    `x-api-key`, `password`, `*token*`, `*secret*`, ...) has its value
 *    replaced. Value extents follow the syntax around the name, because
 *    header-map values contain `, ` and `=`.
 * 2. Value patterns: JWTs (also cut ones), AWS access key ids, `Bearer`
 *    and `Basic` credentials and unmasked API keys, wherever they appear.
 *
 * The keyed pass also replaces the bodies of PEM private key blocks
 * (`privateKey.ts`).
 *
 * A cheap case-insensitive pre-check (`mayHoldDefaultSecret`) skips both passes for the large majority of lines
 * that contain nothing secret-looking.
 */

import { basicCredentialLength } from './basicCredential';
import { LastIndex, NextIndex } from './nextIndex';
import { SECRET_NAME_WORDS } from './secretNames';
import {
  PRIVATE_KEY_LABEL_END,
  PrivateKeyBodies,
  privateKeyBodyStart,
} from './privateKey';

/** What a redacted value is replaced with. @public */
export const REDACTED = '[REDACTED]';

/** Options of {@link redactText}. @public */
export interface RedactOptions {
  /** More header or JSON field names whose values are secret. */
  extraSecretHeaders?: string[];
  /** More patterns whose whole match is secret. */
  extraSecretPatterns?: RegExp[];
}

/** A compiled redactor; reuse it across many texts. */
export type Redactor = (text: string) => string;

// Value patterns, in one pass: JWTs (also cut ones), AWS access key ids,
// `Bearer` and `Basic` credentials (under any header or field name),
// unmasked API keys in usage-plan lines. Every quantified class excludes
// what follows it, so the engine cannot backtrack polynomially.
const VALUE_PATTERNS =
  /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*){0,2}|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\b((?:[Bb]earer|BEARER|[Bb]asic|BASIC)\s+|API Key:? )([A-Za-z0-9._~+/=-]{4,})/g;

function replaceValue(match: string, label?: string, value?: string): string {
  if (label === undefined || value === undefined) return REDACTED;
  const scheme = label.charCodeAt(0) | 32; // lower case
  if (scheme === 98 /* b */ && (label.charCodeAt(1) | 32) === 97 /* a */) {
    // Basic: the base64 credential only, when it is one (not prose).
    const length = basicCredentialLength(value);
    if (length === 0) return match;
    return `${label}${REDACTED}${value.slice(length)}`;
  }
  if (scheme === 98 /* bearer */) {
    return value.length < 6 ? match : `${label}${REDACTED}`;
  }
  // `API Key: ****...abc123` is API Gateway's own mask; short words are prose.
  if (value.length < 20 || value.includes('*')) return match;
  return `${label}${REDACTED}`;
}

// Names that continue an AWS SigV4 `Authorization` value after `, `.
const SIGV4_PARTS = new Set(['signedheaders', 'signature', 'credential']);

const TRUNCATED_MARK = ' [TRUNCATED]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 45 || // -
    c === 95 || // _
    c === 46 // .
  );
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Already masked by API Gateway (`****...abc123`): may stay as logged. */
function isMasked(value: string): boolean {
  let i = 0;
  while (i < value.length && value.charCodeAt(i) === 42) i++;
  return i >= 4 && value.length - i <= 8;
}

interface Finders {
  comma: NextIndex;
  brace: NextIndex;
  newline: NextIndex;
  truncated: NextIndex;
  lastOpen: LastIndex;
  lastClose: LastIndex;
}

/**
 * End of an unquoted `Key=value` entry in a `{K=V, K=V}` map: the next
 * `, Name=` (unless it continues a SigV4 or cookie value), `}`, a newline,
 * or the end.
 */
function mapValueEnd(
  text: string,
  from: number,
  key: string,
  finders: Finders,
): number {
  const limit = text.length;
  const cookie = key.includes('cookie');
  const hard = Math.min(
    limit,
    finders.brace.from(from),
    finders.newline.from(from),
  );
  let pos = from;
  for (;;) {
    const comma = finders.comma.from(pos);
    if (comma > hard) return hard;
    // Is `, Name=` the start of the next entry?
    let n = comma + 2;
    while (n < limit && n - comma < 130 && isKeyChar(text.charCodeAt(n))) n++;
    if (n > comma + 2 && text.charCodeAt(n) === 61 /* = */) {
      const name = text.slice(comma + 2, n).toLowerCase();
      let continues = SIGV4_PARTS.has(name);
      if (!continues && cookie) {
        // `Set-Cookie=a=1; Path=/, b=2; Path=/`: a cookie list goes on.
        const next = finders.comma.from(n);
        const segment = text.slice(n, Math.min(next, hard, n + 512));
        continues = segment.includes(';');
      }
      if (!continues) return comma;
    }
    pos = comma + 2;
  }
}

/** End of a URL query parameter value. */
function urlValueEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (
      c === 38 || // &
      c === 35 || // #
      c === 32 ||
      c === 34 || // "
      c === 39 || // '
      c === 44 || // ,
      c === 125 || // }
      c === 10 ||
      c === 13 ||
      c === 92 // backslash (escaped JSON)
    )
      break;
    i++;
  }
  return i;
}

/**
 * Whether the key starting at `keyStart` is an entry of a `{K=V, K=V}` map:
 * it opens the map or follows `, `, inside a `{` not closed yet.
 */
function inMap(text: string, keyStart: number, finders: Finders): boolean {
  const before = keyStart > 0 ? text.charCodeAt(keyStart - 1) : 0;
  const entryStart =
    before === 123 /* { */ ||
    (before === 32 && keyStart > 1 && text.charCodeAt(keyStart - 2) === 44);
  if (!entryStart) return false;
  return finders.lastOpen.before(keyStart) > finders.lastClose.before(keyStart);
}

/** End of one word of a value: the stops of {@link wordValueEnd}. */
function wordEnd(text: string, from: number, cookie: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 59 /* ; */) {
      if (!cookie) break;
      i++;
      while (isBlank(text.charCodeAt(i))) i++;
      continue;
    }
    if (
      c <= 32 ||
      c === 44 || // ,
      c === 38 || // &
      c === 34 || // "
      c === 39 || // '
      c === 41 || // )
      c === 93 || // ]
      c === 125 || // }
      c === 60 || // <
      c === 62 || // >
      c === 92 // backslash (escaped JSON)
    )
      break;
    i++;
  }
  return i;
}

// An authorization scheme is followed by the credential: both are the value.
const AUTH_SCHEME =
  /^(?:bearer|basic|digest|negotiate|ntlm|token|aws4-hmac-sha256)$/i;

/**
 * End of a `Name=value` outside a map (`login failed password=hunter2 for
 * user bob. Lambda request id: ...`): the value is one word, so the rest of
 * the sentence stays readable; two when the first is an authorization
 * scheme (`Authorization=Bearer abc`). A cookie's value goes on across `; `
 * (`Cookie=a=1; session=abc`), so no pair of it is left behind.
 */
function wordValueEnd(text: string, from: number, cookie: boolean): number {
  let i = wordEnd(text, from, cookie);
  if (
    i - from <= 16 &&
    isBlank(text.charCodeAt(i)) &&
    AUTH_SCHEME.test(text.slice(from, i))
  ) {
    let next = i;
    while (isBlank(text.charCodeAt(next))) next++;
    i = wordEnd(text, next, cookie);
  }
  // A sentence's full stop is not part of the value.
  while (i > from && text.charCodeAt(i - 1) === 46 /* . */) i--;
  return i;
}

/** End of a plain-text `Name: value` (up to the end of the clause). */
function textValueEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (
      c === 10 ||
      c === 13 ||
      c === 44 ||
      c === 59 ||
      c === 125 ||
      c === 34 ||
      c === 92
    )
      break;
    i++;
  }
  return i;
}

/**
 * End of a JSON string whose opening quote is preceded by `esc` backslashes
 * (0 for plain JSON, 1 for JSON inside a JSON string, ...), searched from
 * just after the opening quote.
 */
function quotedValueEnd(text: string, from: number, esc: number): number {
  const close = `${'\\'.repeat(esc)}"`;
  let pos = from;
  for (;;) {
    const i = text.indexOf(close, pos);
    if (i < 0) return text.length;
    // An even run of backslashes before the closing sequence is literal.
    let b = 0;
    while (i - 1 - b >= from && text.charCodeAt(i - 1 - b) === 92) b++;
    if (b % 2 === 0) return i;
    pos = i + close.length;
  }
}

interface Span {
  start: number;
  end: number;
  replacement: string;
}

/** Value span of a secret-looking name found at `[keyStart, keyEnd)`. */
function valueSpan(
  text: string,
  keyStart: number,
  keyEnd: number,
  key: string,
  finders: Finders,
): Span | undefined {
  let p = keyEnd;
  let esc = 0;
  while (text.charCodeAt(p) === 92) {
    esc++;
    p++;
  }
  const keyQuote = text.charCodeAt(p);
  const quotedKey = keyQuote === 34 || keyQuote === 39;
  if (quotedKey) p++;
  else if (esc > 0) return undefined;
  while (isBlank(text.charCodeAt(p))) p++;
  const sep = text.charCodeAt(p);
  if (sep !== 61 /* = */ && sep !== 58 /* : */) return undefined;
  p++;
  while (isBlank(text.charCodeAt(p))) p++;

  // Quoted value, at the key's escape level.
  let vEsc = 0;
  while (text.charCodeAt(p + vEsc) === 92) vEsc++;
  const open = text.charCodeAt(p + vEsc);
  if (open === 34 && (quotedKey ? vEsc === esc : true)) {
    const start = p + vEsc + 1;
    const end = quotedValueEnd(text, start, vEsc);
    return { start, end, replacement: REDACTED };
  }
  if (quotedKey && open === 91 /* [ */ && vEsc === 0) {
    // multiValueHeaders: "Authorization":["...","..."]
    const close = text.indexOf(']', p);
    const end = close < 0 ? text.length : close;
    const q = `${'\\'.repeat(esc)}"`;
    return { start: p + 1, end, replacement: `${q}${REDACTED}${q}` };
  }
  if (quotedKey) return undefined; // number, object, null: not a secret string
  const before = keyStart > 0 ? text.charCodeAt(keyStart - 1) : 0;
  let end: number;
  if (before === 63 /* ? */ || before === 38 /* & */)
    end = urlValueEnd(text, p);
  else if (sep === 61)
    end = inMap(text, keyStart, finders)
      ? mapValueEnd(text, p, key, finders)
      : wordValueEnd(text, p, key.includes('cookie'));
  else end = textValueEnd(text, p);
  return { start: p, end, replacement: REDACTED };
}

// The pre-check of the default redactor, as two regular expressions that
// measured faster than the one case-insensitive alternation they replace:
// the secret words (case-insensitive, shortened where a prefix is enough) and
// the case-sensitive value patterns. Together they accept every text in which
// the keyed pass, the value patterns or the private-key pass could match
// (`api[-_ ]?key` covers `API Key`, `private[-_ ]?key` covers `PRIVATE KEY`),
// so skipping the passes when they say no changes nothing.
// Words sharing a first letter are factored (`b(?:earer|asic)`): measured
// faster, and this runs on every event.
const DEFAULT_WORD_HINT =
  /passw|secret|token|api[-_ ]?key|authoriz|c(?:ookie|redential)|signature|private[-_ ]?key|b(?:earer|asic)/i;
const DEFAULT_VALUE_HINT = /eyJ|AKIA|ASIA/;

/** False only for text the default passes cannot change. */
export function mayHoldDefaultSecret(text: string): boolean {
  return DEFAULT_WORD_HINT.test(text) || DEFAULT_VALUE_HINT.test(text);
}

/** Builds a redactor for `options`; the default one is shared. */
export function createRedactor(options?: RedactOptions): Redactor {
  const extraNames = (options?.extraSecretHeaders ?? [])
    .filter(n => typeof n === 'string' && n.length > 0 && n.length <= 128)
    .map(escapeRegExp);
  const extraPatterns = (options?.extraSecretPatterns ?? [])
    .filter(p => p instanceof RegExp)
    .map(
      p =>
        new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`),
    );
  const words = [...SECRET_NAME_WORDS, ...extraNames].join('|');
  const triggerWords = `${PRIVATE_KEY_LABEL_END}|${words}`;
  const hint = new RegExp(
    `eyJ|A[KS]IA|bearer|basic|api key|private key|${words}`,
    'i',
  );
  const trigger = new RegExp(triggerWords, 'gi');
  const precheck =
    extraNames.length === 0
      ? mayHoldDefaultSecret
      : (text: string) => hint.test(text);

  return (text: string): string => {
    if (typeof text !== 'string' || text.length === 0) return '';
    let out = text;
    if (precheck(out)) {
      out = redactKeyed(out, trigger);
      out = out.replace(VALUE_PATTERNS, replaceValue);
    }
    for (const pattern of extraPatterns) {
      pattern.lastIndex = 0;
      out = out.replace(pattern, REDACTED);
    }
    return out;
  };
}

function redactKeyed(text: string, trigger: RegExp): string {
  const spans: Span[] = [];
  const finders: Finders = {
    comma: new NextIndex(text, ', '),
    brace: new NextIndex(text, '}'),
    newline: new NextIndex(text, '\n'),
    truncated: new NextIndex(text, TRUNCATED_MARK),
    lastOpen: new LastIndex(text, '{'),
    lastClose: new LastIndex(text, '}'),
  };
  let keyBodies: PrivateKeyBodies | undefined;
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m !== null; m = trigger.exec(text)) {
    if (m[0].charCodeAt(7) === 32 /* `private key-----` */) {
      const start = privateKeyBodyStart(text, m.index);
      if (start < 0) {
        trigger.lastIndex = m.index + m[0].length;
        continue;
      }
      keyBodies ??= new PrivateKeyBodies(text);
      const end = keyBodies.end(start);
      if (end > start) spans.push({ start, end, replacement: REDACTED });
      trigger.lastIndex = Math.max(end, start);
      continue;
    }
    let ks = m.index;
    let ke = ks + m[0].length;
    while (ks > 0 && ke - ks < 128 && isKeyChar(text.charCodeAt(ks - 1))) ks--;
    while (ke < text.length && ke - ks < 256 && isKeyChar(text.charCodeAt(ke)))
      ke++;
    const span = valueSpan(
      text,
      ks,
      ke,
      text.slice(ks, ke).toLowerCase(),
      finders,
    );
    if (!span) {
      trigger.lastIndex = ke;
      continue;
    }
    // Keep API Gateway's truncation mark visible.
    const mark = finders.truncated.from(span.start);
    if (mark < span.end) span.end = mark;
    const value = text.slice(span.start, span.end);
    if (span.end > span.start && !isMasked(value)) spans.push(span);
    trigger.lastIndex = Math.max(span.end, ke);
  }
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + s.replacement;
    last = s.end;
  }
  return out + text.slice(last);
}

const defaultRedactor = createRedactor();

/**
 * Replaces secrets in `text` with `[REDACTED]`: values of secret headers and
 * fields in header maps, JSON (also escaped JSON and `multiValueHeaders`)
 * and URLs, JWTs, AWS access key ids, `Bearer` and `Basic` credentials
 * under any name, unmasked API keys and the bodies of PEM private keys.
 * Values API Gateway already masked (`****...abc123`) stay as logged.
 *
 * @public
 */
export function redactText(text: string, options?: RedactOptions): string {
  if (
    !options ||
    (!options.extraSecretHeaders?.length &&
      !options.extraSecretPatterns?.length)
  ) {
    return defaultRedactor(text);
  }
  return createRedactor(options)(text);
}
