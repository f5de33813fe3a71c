import type { AccessLogRecord } from '../failures';

/**
 * How a stage's access-log format lays a line out: JSON, Common Log Format
 * (space-separated, `[...]` and `"..."` groups), CSV, XML, or any other text.
 *
 * @public
 */
export type AccessLogFormatKind = 'json' | 'clf' | 'csv' | 'xml' | 'text';

/** One field of a compiled access-log format. @public */
export interface AccessLogField {
  /**
   * The name the field is logged under: the JSON key (nested keys joined
   * with `.`), the XML element or attribute, the `name=` before the value
   * in free text, else the variable without `$context.`
   * (`identity.sourceIp`). Unique within a format.
   */
  name: string;
  /** The variable when the value is exactly one (`$context.status`). */
  variable?: string;
  /** Every `$context` variable in the value, in order. */
  variables: readonly string[];
  /**
   * JSON formats: the keys leading to the value, and whether the value is a
   * JSON string in the format (`"st":"$context.status"`) or bare
   * (`"st":$context.status`).
   */
  json?: { path: readonly string[]; quoted: boolean };
}

/** A stage's access-log format, compiled into a parser. @public */
export interface CompiledAccessLogFormat {
  kind: AccessLogFormatKind;
  /** The format as compiled (without a final newline). */
  format: string;
  fields: readonly AccessLogField[];
  /** Whether the format logs `variable` (`$context.status` or `status`). */
  has(variable: string): boolean;
  /**
   * One log event's message as a record, redacted; undefined when it does
   * not have the format's shape or is longer than 64 KiB. Never throws.
   */
  parse(line: string): AccessLogRecord | undefined;
}
