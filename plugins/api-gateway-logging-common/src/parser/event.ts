import { REDACTION_MARGIN as MARGIN } from './limits';
import { REDACTED, type Redactor } from './redact';
import { extractFields, matchTemplate } from './templates';
import type { ExecutionLogEvent, ExecutionLogEventKind } from './types';

/** What building an event needs from the parse options. */
export interface EventContext {
  /** Undefined when redaction is off. */
  redact?: Redactor;
  maxMessageLength: number;
}

// A local copy: module bindings compile to getters under some transforms.
const REDACTION_MARGIN = MARGIN;

// Templates whose payload may legitimately span lines (bodies, maps).
const MULTI_LINE_KINDS = new Set<ExecutionLogEventKind>([
  'authorizer-identity',
  'authorizer-result-body',
  'method-request-path',
  'method-request-query-string',
  'method-request-headers',
  'method-request-body',
  'endpoint-request-headers',
  'endpoint-request-body',
  'endpoint-response-headers',
  'endpoint-response-body',
  'method-response-body',
  'method-response-headers',
  'lambda-function-error',
  'configuration-error',
]);

/**
 * Joins an event that a web page hard-wrapped over several lines back into
 * one line. A line of asterisks is the head of a masked key, so it is glued
 * to the key's tail without a space.
 */
function unwrap(text: string): string {
  const lines = text.split('\n');
  let out = lines[0].trimEnd();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    out += /^\*+$/.test(lines[i - 1].trim()) ? line : ` ${line}`;
  }
  return out;
}

function endsWithTruncated(text: string): boolean {
  if (text.endsWith('[TRUNCATED]')) return true;
  const c = text.charCodeAt(text.length - 1);
  return (
    (c === 32 || c === 10 || c === 13) && text.trimEnd().endsWith('[TRUNCATED]')
  );
}

/** Cuts `text` to `max` characters without leaving half a redaction mark. */
function cap(text: string, max: number): string {
  let end = max;
  const open = text.lastIndexOf('[', end);
  if (
    open >= 0 &&
    open > end - REDACTED.length &&
    open + REDACTED.length > end
  ) {
    if (text.startsWith(REDACTED, open)) end = open;
  }
  return text.slice(0, end);
}

/**
 * One event from a message body (the message without its request-id
 * prefix): redacted first, so that no field can carry a secret, then capped,
 * classified and its template's fields extracted.
 */
export function buildEvent(
  body: string,
  timestamp: number | undefined,
  logStreamName: string | undefined,
  ctx: EventContext,
): ExecutionLogEvent {
  const max = ctx.maxMessageLength;
  let text = body;
  let cut = false;
  if (text.length > max) {
    cut = true;
    // Redact a little past the cap so a secret straddling it is still whole.
    if (text.length > max + REDACTION_MARGIN) {
      text = text.slice(0, max + REDACTION_MARGIN);
    }
  }
  if (ctx.redact) text = ctx.redact(text);
  if (text.length > max) {
    cut = true;
    text = cap(text, max);
  }
  let kind = matchTemplate(text);
  if (!MULTI_LINE_KINDS.has(kind) && text.includes('\n')) {
    // One-line templates spread over lines were hard-wrapped by a web page.
    const joined = unwrap(text);
    const joinedKind = matchTemplate(joined);
    if (joinedKind !== 'unknown') {
      kind = joinedKind;
      text = joined;
    }
  }
  // API Gateway puts its mark at the end; avoid scanning the whole text.
  const truncated = cut || endsWithTruncated(text);
  // One literal per shape, so the common event is a single allocation with
  // its properties in-object (and the same key order as before).
  let event: ExecutionLogEvent;
  if (timestamp !== undefined) {
    event =
      logStreamName !== undefined
        ? { kind, message: text, truncated, timestamp, logStreamName }
        : { kind, message: text, truncated, timestamp };
  } else {
    event =
      logStreamName !== undefined
        ? { kind, message: text, truncated, logStreamName }
        : { kind, message: text, truncated };
  }
  if (kind !== 'unknown') extractFields(kind, text, event);
  return event;
}
