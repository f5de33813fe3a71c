import type { AccessLogFormatKind } from './types';

/*
 * An access-log format is literal text with `$context.*` variables in it.
 * Split, it is `literals[0] capture literals[1] capture ... literals[n]`,
 * where a capture is a run of variables with no text between them (such a
 * run cannot be split when read back, so it is read as one value).
 */

/** Longest format compiled; longer ones (far beyond AWS's own) are refused. */
export const MAX_FORMAT_LENGTH = 16 * 1024;
/** Most variables compiled from one format. */
export const MAX_FORMAT_VARIABLES = 256;

const VARIABLE = /\$context(?:\.[A-Za-z0-9_]+)+/g;

/** One `$context` variable in the format. */
export interface VariableAt {
  variable: string;
  start: number;
  end: number;
}

/** A run of adjacent variables, read back as one value. */
export interface Capture {
  variables: VariableAt[];
  start: number;
  end: number;
}

/** A format as its literal text and the captures between. */
export interface SplitFormat {
  literals: string[];
  captures: Capture[];
}

/** AWS allows a format to end with a newline; its lines do not. */
export function normalizeFormat(format: string): string {
  return format.replace(/[\r\n]+$/, '');
}

/**
 * Splits `format` at its `$context` variables; undefined when it has none
 * or more than {@link MAX_FORMAT_VARIABLES}.
 */
export function splitFormat(format: string): SplitFormat | undefined {
  const literals: string[] = [];
  const captures: Capture[] = [];
  let last = 0;
  VARIABLE.lastIndex = 0;
  for (let m = VARIABLE.exec(format); m !== null; m = VARIABLE.exec(format)) {
    const at = { variable: m[0], start: m.index, end: m.index + m[0].length };
    const previous = captures[captures.length - 1];
    if (previous && previous.end === at.start) {
      previous.variables.push(at);
      previous.end = at.end;
    } else {
      literals.push(format.slice(last, at.start));
      captures.push({ variables: [at], start: at.start, end: at.end });
    }
    last = at.end;
    if (captures.length > MAX_FORMAT_VARIABLES) return undefined;
  }
  if (captures.length === 0) return undefined;
  literals.push(format.slice(last));
  return { literals, captures };
}

/**
 * Variables whose values are free text or hold a blank: a literal of only
 * blanks, commas, semicolons or bars after one may also occur inside it.
 */
const FREE_TEXT = new Set(
  [
    'authorizer.error',
    'error.message',
    'error.messageString',
    'identity.userAgent',
    'integration.error',
    'integrationErrorMessage',
    'requestTime',
    'routeKey',
  ].map(v => `$context.${v}`),
);
const WEAK_LITERAL = /^[\s,;|]*$/;

/** For each capture, whether its value may hold the literal that follows it. */
export function looseCaptures(split: SplitFormat): boolean[] {
  return split.captures.map(
    (capture, i) =>
      WEAK_LITERAL.test(split.literals[i + 1]) &&
      capture.variables.some(v => FREE_TEXT.has(v.variable)),
  );
}

const CLF_SEPARATOR = /^[ "[\]-]+$/;
const CSV_SEPARATOR = /^"?,"?$/;

/** The kind of the format, from its first character and its separators. */
export function formatKind(
  format: string,
  literals: readonly string[],
): AccessLogFormatKind {
  const trimmed = format.trim();
  if (trimmed.startsWith('{')) return 'json';
  if (trimmed.startsWith('<')) return 'xml';
  const inner = literals.slice(1, -1);
  if (inner.length > 0 && inner.every(l => CSV_SEPARATOR.test(l))) return 'csv';
  if (
    inner.length > 0 &&
    inner.every(l => CLF_SEPARATOR.test(l) && /\s/.test(l)) &&
    /^[ "[\]-]*$/.test(literals[0]) &&
    /^[ "[\]-]*$/.test(literals[literals.length - 1])
  )
    return 'clf';
  return 'text';
}
