import type { AccessLogFormatKind } from './types';

/*
 * The name a value is logged under, read from the literal text just before
 * it in the format: `<status>` or `id="` in XML, `status=` or `status: ` in
 * free text (and in a malformed JSON entry `"stage:$context.stage"`). CLF
 * and CSV carry no names, so the variable names the field.
 */

const XML_ELEMENT = /<([A-Za-z_][\w.-]{0,63})(?:\s[^<>]*)?>$/;
const XML_ATTRIBUTE = /\s([A-Za-z_][\w.-]{0,63})\s*=\s*["']$/;
const TEXT_KEY = /([A-Za-z_][\w.-]{0,63})\s*[=:]\s*["']?$/;

/** `$context.identity.sourceIp` → `identity.sourceIp`. */
export function variableName(variable: string): string {
  return variable.replace(/^\$context\./, '');
}

/** The name of the value that follows `before` (a literal of the format). */
export function nameBefore(
  kind: AccessLogFormatKind,
  before: string,
  variable: string,
): string {
  const tail = before.slice(-96);
  if (kind === 'xml') {
    const m = XML_ELEMENT.exec(tail) ?? XML_ATTRIBUTE.exec(tail);
    if (m) return m[1];
  } else if (kind === 'text' || kind === 'json') {
    const m = TEXT_KEY.exec(tail);
    if (m) return m[1];
  }
  return variableName(variable);
}

/** Makes `name` unique among `taken` (`status`, `status#2`, ...). */
export function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}#${n}`;
  taken.add(unique);
  return unique;
}
