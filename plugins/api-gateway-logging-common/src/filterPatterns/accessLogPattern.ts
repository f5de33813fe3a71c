import type { AccessLogField, CompiledAccessLogFormat } from '../accessLog';
import { delimitedStatusPattern } from './delimitedStatusPattern';
import { orPatterns } from './orPatterns';
import type { FilterPatternMode } from './types';

/*
 * A pattern that selects the failing records (status >= 400) of a stage's
 * access log, chosen by the format's kind:
 * - JSON: a JSON pattern on the field that holds `$context.status`, when
 *   every line of the format is valid JSON (not for malformed formats, nor
 *   for a quoted `$context.error.messageString`, which API Gateway already
 *   wraps in quotes, so failing records would be invalid JSON and never
 *   selected).
 * - CLF: a space-delimited pattern, when the fields up to the status cannot
 *   hold a space (see `delimitedStatusPattern.ts`).
 * - XML, CSV and free text: `?"<status>4" ?"<status>5"`, when the status
 *   follows literal text that names it (an XML element, `status=`); CSV has
 *   only commas, so none.
 * Undefined means no pattern fits: read every event and filter with the
 * parser. A JSON line made invalid by an unescaped `"` in a value (a crafted
 * User-Agent) is not selected by a JSON pattern: a limit of CloudWatch's
 * JSON patterns, worth knowing when the format logs free text.
 */

const STATUS = '$context.status';
const SELECTOR_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function statusField(
  compiled: CompiledAccessLogFormat,
): AccessLogField | undefined {
  return compiled.fields.find(f => f.variable === STATUS);
}

/** The format rendered with stand-in values parses as JSON (for every line). */
function linesAreJson(format: string): boolean {
  const sample = format
    .replace(/\$context\.error\.messageString\b/g, '"x"')
    .replace(/\$context(?:\.[A-Za-z0-9_]+)+/g, '0');
  try {
    const parsed = JSON.parse(sample);
    return parsed !== null && typeof parsed === 'object';
  } catch {
    return false;
  }
}

function jsonPattern(compiled: CompiledAccessLogFormat): string | undefined {
  const json = statusField(compiled)?.json;
  if (!json || !linesAreJson(compiled.format)) return undefined;
  const parts: string[] = [];
  for (const key of json.path) {
    if (/^\d{1,6}$/.test(key)) parts.push(`[${key}]`);
    else if (SELECTOR_KEY.test(key)) parts.push(`.${key}`);
    else return undefined;
  }
  const selector = `$${parts.join('')}`;
  return json.quoted
    ? `{ (${selector} = "4*") || (${selector} = "5*") }`
    : `{ ${selector} >= 400 }`;
}

/** `<status>` or `status=` right before the status, as a quoted-term prefix. */
function literalPrefixPattern(
  compiled: CompiledAccessLogFormat,
): string | undefined {
  const at = compiled.format.indexOf(STATUS);
  if (at < 0 || compiled.format.indexOf(STATUS, at + 1) >= 0) return undefined;
  const next = compiled.format.charAt(at + STATUS.length);
  if (/[A-Za-z0-9_]/.test(next)) return undefined; // a longer variable
  // The literal text between the previous variable and the status, from
  // its last blank on.
  const before = compiled.format.slice(Math.max(0, at - 64), at);
  const literal = before.replace(/^[\s\S]*\$context(?:\.[A-Za-z0-9_]+)+/, '');
  const prefix = /\S*$/.exec(literal)?.[0] ?? '';
  if (!/[A-Za-z]{2}/.test(prefix) || /["\\]/.test(prefix)) return undefined;
  const [pattern, ...more] = orPatterns([`${prefix}4`, `${prefix}5`]);
  return more.length === 0 ? pattern : undefined;
}

/**
 * The CloudWatch Logs filter pattern that selects the failing records of an
 * access log in `compiled`'s format, or undefined when none fits (or in
 * `exact-phrase` mode, whose emulators honour no such pattern): then read
 * the whole window and keep records whose status is 400 or more.
 *
 * @public
 */
export function accessLogFailurePattern(
  compiled: CompiledAccessLogFormat,
  mode: FilterPatternMode,
): string | undefined {
  if (mode === 'exact-phrase' || !compiled || !statusField(compiled))
    return undefined;
  switch (compiled.kind) {
    case 'json':
      return jsonPattern(compiled);
    case 'clf':
      return delimitedStatusPattern(compiled.format);
    case 'csv':
      return undefined;
    default:
      return literalPrefixPattern(compiled);
  }
}
