import { MAX_CSV_FIELD_LINES } from './limits';
import { isValidRequestId } from './requestId';
import { matchTemplate } from './templates';
import type { RawLogEvent } from './types';

/**
 * Turns pasted execution-log text into events, whatever its layout: bare
 * `(requestId) message` lines, ISO timestamps first (space or tab), the
 * CloudWatch console CSV export, console TestInvoke output
 * (`Sun Jan 19 17:19:42 UTC 2020 : message`, also inside the JSON of
 * `aws apigateway test-invoke-method`), 2016-era lines without a request id,
 * and lines continuing the previous event (multi-line bodies, hard-wrapped
 * events). Every regular expression here is anchored and applied to a short
 * head of the line.
 */

const HEAD = 64;
const ISO =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?)(Z|[+-]\d{2}:?\d{2})?(?:[ \t]+|$)/;
const EPOCH_CSV = /^(\d{10}|\d{13}),/;
// Weekday tolerates AWS's own typo (`WE Aug 03 ...`).
const TEST_INVOKE =
  /^[A-Za-z]{2,3},? ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([A-Z]{2,5}) (\d{4}) ?: ?/;
const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

interface Split {
  timestamp?: number;
  /** Where the message starts in the line. */
  rest: number;
  /** The line carried a layout prefix (so it starts an event). */
  framed: boolean;
  /** CSV export line: the message may be quoted. */
  csv: boolean;
}

function parseIso(m: RegExpExecArray): number | undefined {
  const fraction = m[2].replace(',', '.');
  const zone = m[3] ?? 'Z';
  const t = Date.parse(`${m[1]}T${fraction}${zone}`);
  return Number.isFinite(t) ? t : undefined;
}

function parseTestInvoke(m: RegExpExecArray): number | undefined {
  const month = MONTHS[m[1]];
  if (month === undefined) return undefined;
  // Only UTC/GMT are unambiguous; other zones keep the line, not the time.
  if (m[6] !== 'UTC' && m[6] !== 'GMT') return undefined;
  const t = Date.UTC(+m[7], month, +m[2], +m[3], +m[4], +m[5]);
  return Number.isFinite(t) ? t : undefined;
}

/** Reads the layout prefix of one physical line. */
function splitLine(line: string): Split {
  const c = line.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const head = line.length > HEAD ? line.slice(0, HEAD) : line;
    const iso = ISO.exec(head);
    if (iso) {
      return {
        timestamp: parseIso(iso),
        rest: iso[0].length,
        framed: true,
        csv: false,
      };
    }
    const csv = EPOCH_CSV.exec(head);
    if (csv) {
      const n = +csv[1];
      return {
        timestamp: csv[1].length === 10 ? n * 1000 : n,
        rest: csv[0].length,
        framed: true,
        csv: true,
      };
    }
  } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    const head = line.length > HEAD ? line.slice(0, HEAD) : line;
    const ti = TEST_INVOKE.exec(head);
    if (ti) {
      return {
        timestamp: parseTestInvoke(ti),
        rest: ti[0].length,
        framed: true,
        csv: false,
      };
    }
  }
  return { rest: 0, framed: false, csv: false };
}

/** Whether `text` starts with `(requestId)`. */
function hasIdPrefix(text: string): boolean {
  if (text.charCodeAt(0) !== 40) return false;
  const close = text.indexOf(')', 1);
  return close > 0 && close <= 65 && isValidRequestId(text.slice(1, close));
}

/** Whether a line starts a new event (a layout prefix, an id, a template). */
function startsEvent(line: string): boolean {
  return (
    splitLine(line).framed ||
    hasIdPrefix(line) ||
    matchTemplate(line) !== 'unknown'
  );
}

const TRUNCATED = '[TRUNCATED]';

/**
 * A `[TRUNCATED]` glued to the next line's prefix (a copy that lost the
 * newline) is split back into two lines.
 */
function splitGlued(line: string, out: string[]): void {
  let from = 0;
  let search = 0;
  for (;;) {
    const i = line.indexOf(TRUNCATED, search);
    if (i < 0) break;
    const next = i + TRUNCATED.length;
    if (next < line.length && startsEvent(line.slice(next, next + 200))) {
      out.push(line.slice(from, next));
      from = next;
    }
    search = next;
  }
  out.push(from === 0 ? line : line.slice(from));
}

/** End index of the JSON string literal opening at `start` (a `"`). */
function stringLiteralEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return i;
    else i++;
  }
  return -1;
}

function unescapeJsonString(literal: string): string {
  try {
    const value = JSON.parse(literal);
    if (typeof value === 'string') return value;
  } catch {
    // Cut or hand-edited output: unescape the common sequences ourselves.
  }
  return literal
    .slice(1, literal.endsWith('"') ? -1 : undefined)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
      if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
      if (e === 'n') return '\n';
      if (e === 't') return '\t';
      if (e === 'r') return '\r';
      return e;
    });
}

/**
 * The `log` strings of `aws apigateway test-invoke-method` JSON output,
 * decoded; undefined when `text` holds none. The JSON document itself is not
 * parsed (it may be cut, or nested arbitrarily deep).
 */
export function extractTestInvokeLogs(text: string): string | undefined {
  const logs: string[] = [];
  const key = /"log"\s*:\s*"/g;
  for (let m = key.exec(text); m !== null; m = key.exec(text)) {
    const start = m.index + m[0].length - 1;
    const end = stringLiteralEnd(text, start);
    const literal = text.slice(start, end < 0 ? text.length : end + 1);
    const log = unescapeJsonString(literal);
    if (log.includes('\n') || log.includes(' : ')) logs.push(log);
    key.lastIndex = end < 0 ? text.length : end + 1;
  }
  return logs.length ? logs.join('\n') : undefined;
}

/** A quoted CSV field from `line` (at `from`); reports if it is closed. */
function readQuoted(
  line: string,
  from: number,
): { value: string; closed: boolean } {
  let out = '';
  let i = from;
  for (;;) {
    const q = line.indexOf('"', i);
    if (q < 0) return { value: out + line.slice(i), closed: false };
    if (line.charCodeAt(q + 1) === 34) {
      out += line.slice(i, q + 1);
      i = q + 2;
    } else {
      return { value: out + line.slice(i, q), closed: true };
    }
  }
}

/** Splits `text` into logical lines, undoing `[TRUNCATED]` gluing. */
function physicalLines(text: string): string[] {
  const raw = text.split(/\r?\n|\r/);
  const lines: string[] = [];
  for (const line of raw) {
    if (line.includes(TRUNCATED)) splitGlued(line, lines);
    else lines.push(line);
  }
  return lines;
}

/**
 * Events of a pasted log, in order. Continuation lines (no layout prefix, no
 * id, no known template) are appended to the previous event; a line holding
 * only a timestamp (console copy) dates the next line.
 */
export function* textToEvents(
  input: string,
  maxChars: number,
): Generator<RawLogEvent> {
  const text = extractTestInvokeLogs(input) ?? input;
  const lines = physicalLines(text);
  let pending: RawLogEvent | undefined;
  let pendingTime: number | undefined;
  let blank = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      blank++;
      continue;
    }
    if (line.length < 32 && /^timestamp,message\s*$/i.test(line)) continue;
    const split = splitLine(line);
    let message = line.slice(split.rest);
    if (split.csv && message.charCodeAt(0) === 34) {
      let field = readQuoted(message, 1);
      let value = field.value;
      let extra = 0;
      while (
        !field.closed &&
        i + 1 < lines.length &&
        extra < MAX_CSV_FIELD_LINES
      ) {
        i++;
        extra++;
        field = readQuoted(lines[i], 0);
        value += `\n${field.value}`;
      }
      message = value;
    }
    if (split.framed && message.trim() === '' && !split.csv) {
      // A console copy puts the timestamp on its own line.
      pendingTime = split.timestamp;
      blank = 0;
      continue;
    }
    const starts =
      split.framed || hasIdPrefix(line) || matchTemplate(line) !== 'unknown';
    if (!starts && pending) {
      // Past the cap the event is cut anyway; stop growing it.
      if (pending.message.length <= maxChars)
        pending.message += `${'\n'.repeat(Math.min(blank, 8) + 1)}${line}`;
      blank = 0;
      continue;
    }
    if (pending) yield pending;
    blank = 0;
    const timestamp = split.timestamp ?? pendingTime;
    pendingTime = undefined;
    pending = timestamp === undefined ? { message } : { message, timestamp };
  }
  if (pending) yield pending;
}
