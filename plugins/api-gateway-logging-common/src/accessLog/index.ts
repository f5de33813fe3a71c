/**
 * Access-log records: a stage's format compiled into a parser, the
 * name-based fallback for JSON lines of an unknown format, the failure
 * category of a record, and which fields are secret.
 */

export { compileAccessLogFormat } from './compile';
export { parseAccessLogRecord } from './parseRecord';
export { categorizeAccessLogRecord } from './categorize';
export { isSecretContextVariable } from './secretFields';
export type {
  AccessLogField,
  AccessLogFormatKind,
  CompiledAccessLogFormat,
} from './types';
