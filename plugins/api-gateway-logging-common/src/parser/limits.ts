/**
 * Caps that keep the parser's memory and time bounded whatever it is fed.
 * PARSER.md documents them; options can lower or raise the first four.
 */

/** Open traces kept by the assembler before the oldest is emitted. @public */
export const DEFAULT_MAX_OPEN_TRACES = 10_000;

/** Events kept per trace; later ones are counted in `droppedEvents`. @public */
export const DEFAULT_MAX_EVENTS_PER_TRACE = 500;

/**
 * Characters kept per event message. API Gateway itself cuts events at 1,024
 * bytes, so 4,096 only bites on pasted multi-line bodies and hostile input.
 *
 * @public
 */
export const DEFAULT_MAX_MESSAGE_LENGTH = 4_096;

/**
 * Characters of message text held by all open traces together; past it the
 * oldest open traces are emitted early. About 64 MB of UTF-16.
 *
 * @public
 */
export const MAX_BUFFERED_CHARS = 32 * 1024 * 1024;

/**
 * Outcome-bearing events (completion, errors) are still kept past the
 * per-trace cap, up to this many more, so a long trace keeps its verdict.
 */
export const OUTCOME_EVENT_ALLOWANCE = 32;

/** Longest request id accepted (extended ids are 16, UUIDs 36). */
export const MAX_REQUEST_ID_LENGTH = 64;

/** Physical lines a quoted CSV field may span before it is cut. */
export const MAX_CSV_FIELD_LINES = 1_000;

/** Extra text redacted past the message cap, so a cut never splits a secret. */
export const REDACTION_MARGIN = 2_048;
