/**
 * The execution-log parser: text or CloudWatch events in, one redacted
 * {@link ExecutionTrace} per request out. See PARSER.md for the contract.
 */

export { assembleTraces, parseExecutionLog } from './parse';
export { createTraceAssembler } from './assembler';
export type { TraceStream } from './assembler';
export {
  isValidRequestId,
  normalizeRequestId,
  parseEventPrefix,
} from './requestId';
export type { EventPrefix } from './requestId';
export { REDACTED, redactText } from './redact';
export type { RedactOptions } from './redact';
export { FAILURE_MESSAGE_PHRASES, isFailureMessage } from './phrases';
export { FAILURE_CATEGORIES } from './types';
export type {
  AuthorizerOutcome,
  ExecutionLogEvent,
  ExecutionLogEventFields,
  ExecutionLogEventKind,
  ExecutionTrace,
  FailureCategory,
  ParseOptions,
  RawLogEvent,
  TraceFailure,
} from './types';
export {
  DEFAULT_MAX_EVENTS_PER_TRACE,
  DEFAULT_MAX_MESSAGE_LENGTH,
  DEFAULT_MAX_OPEN_TRACES,
  MAX_BUFFERED_CHARS,
} from './limits';
export { isSecretFieldName } from './secretNames';
