import {
  AccessLogRecord,
  CompiledAccessLogFormat,
  compileAccessLogFormat,
  parseAccessLogRecord,
} from '@apigw-logging/plugin-api-gateway-logging-common';

// Stages share a handful of formats: compile each once, keep a bounded few.
const compiled = new Map<string, CompiledAccessLogFormat>();
const MAX_FORMATS = 500;

/** The stage's access-log format, compiled (and kept). */
export function compiledFormat(format: string): CompiledAccessLogFormat {
  let found = compiled.get(format);
  if (!found) {
    if (compiled.size >= MAX_FORMATS) compiled.clear();
    found = compileAccessLogFormat(format);
    compiled.set(format, found);
  }
  return found;
}

/**
 * A parser of one stage's access-log lines: the stage's own format
 * (`accessLogSettings.format`, any of JSON, CLF, CSV, XML), which also
 * redacts fields by the `$context` variable they hold; JSON of an unknown
 * format otherwise.
 */
export function accessRecordParser(
  format?: string,
): (line: string) => AccessLogRecord | undefined {
  if (!format) return parseAccessLogRecord;
  const parser = compiledFormat(format);
  return line => parser.parse(line);
}

/** Whether the stage's access log carries `$context.extendedRequestId`, which clients cannot set. */
export function logsExtendedRequestId(format?: string): boolean {
  return Boolean(
    format && compiledFormat(format).has('$context.extendedRequestId'),
  );
}
