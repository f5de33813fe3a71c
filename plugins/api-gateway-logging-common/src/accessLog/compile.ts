import type { AccessLogRecord } from '../failures';
import { fieldPlans } from './fieldPlans';
import { parseAccessLogRecord } from './parseRecord';
import { RecordReader } from './recordReader';
import {
  formatKind,
  looseCaptures,
  MAX_FORMAT_LENGTH,
  normalizeFormat,
  splitFormat,
} from './template';
import type { CompiledAccessLogFormat } from './types';

/** Longest line read; CloudWatch events can be far longer than any record. */
const MAX_LINE_LENGTH = 64 * 1024;

/** The object of a JSON line, or undefined. */
function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/** A format that cannot be compiled: JSON lines are read by their names. */
function unknownFormat(format: string): CompiledAccessLogFormat {
  return {
    kind: format.trim().startsWith('{') ? 'json' : 'text',
    format,
    fields: [],
    has: () => false,
    parse: line => parseAccessLogRecord(line),
  };
}

/**
 * Compiles a stage's `accessLogSettings.format` (JSON, CLF, CSV, XML or any
 * text with `$context` variables) into a parser of its lines. Each field's
 * typed meaning comes from the variable it holds, not its name; secret
 * fields (by variable or by name) are `[REDACTED]`, every other value is
 * redacted as text. Never throws: a format without variables or longer than
 * 16 KiB compiles to the name-based reader of JSON lines
 * (`parseAccessLogRecord`).
 *
 * @public
 */
export function compileAccessLogFormat(
  format: string,
): CompiledAccessLogFormat {
  if (typeof format !== 'string' || format.length > MAX_FORMAT_LENGTH)
    return unknownFormat('');
  const normalized = normalizeFormat(format);
  const split = splitFormat(normalized);
  if (!split) return unknownFormat(normalized);
  const kind = formatKind(normalized, split.literals);
  const plans = fieldPlans(normalized, kind, split);
  const reader = new RecordReader(
    kind,
    plans,
    split.literals,
    looseCaptures(split),
  );
  const variables = new Set(plans.flatMap(p => p.field.variables));

  return {
    kind,
    format: normalized,
    fields: plans.map(p => p.field),
    has: (variable: string) =>
      typeof variable === 'string' &&
      variables.has(
        variable.startsWith('$context.') ? variable : `$context.${variable}`,
      ),
    parse(line: string): AccessLogRecord | undefined {
      if (typeof line !== 'string' || line.length > MAX_LINE_LENGTH)
        return undefined;
      const text = line.replace(/[\r\n]+$/, '');
      const trimmed = text.trim();
      const json = trimmed.startsWith('{');
      if (kind === 'json' && json) {
        const parsed = jsonObject(trimmed);
        const out = parsed && reader.fromJson(parsed);
        if (out) return out;
      }
      // A JSON line of another format (the stage's format changed since)
      // is read by its names.
      return (
        reader.fromText(text) ?? (json ? parseAccessLogRecord(text) : undefined)
      );
    },
  };
}
