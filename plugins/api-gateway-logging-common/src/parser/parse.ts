import { collectTraces } from './assembler';
import { textToEvents } from './layouts';
import { DEFAULT_MAX_MESSAGE_LENGTH, REDACTION_MARGIN } from './limits';
import type { ExecutionTrace, ParseOptions, RawLogEvent } from './types';

/**
 * Parses pasted execution-log text in any layout API Gateway, the
 * CloudWatch console or the CLI produces, into one trace per request, in
 * the order the requests first appear. Never throws.
 *
 * @public
 */
export function parseExecutionLog(
  text: string,
  options?: ParseOptions,
): ExecutionTrace[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const max =
    typeof options?.maxMessageLength === 'number' &&
    options.maxMessageLength >= 1
      ? options.maxMessageLength
      : DEFAULT_MAX_MESSAGE_LENGTH;
  return collectTraces(options, assembler => {
    for (const event of textToEvents(text, max + REDACTION_MARGIN)) {
      assembler.push(event);
    }
  });
}

/**
 * Assembles CloudWatch Logs events (`({requestId}) {message}`, or the
 * unprefixed 2016 form) into one trace per request, whatever their
 * interleaving across requests and log streams. Events of a trace are
 * ordered by timestamp, then arrival; traces come in the order their first
 * event arrived. Never throws.
 *
 * @public
 */
export function assembleTraces(
  events: Iterable<RawLogEvent>,
  options?: ParseOptions,
): ExecutionTrace[] {
  return collectTraces(options, assembler => {
    if (events === null || typeof events !== 'object') return;
    if (typeof (events as any)[Symbol.iterator] !== 'function') return;
    for (const event of events) assembler.push(event);
  });
}
