import type { AccessLogRecord } from '../failures';
import type { FieldPlan } from './fieldPlans';
import { type AccessLogFieldValue, redactFieldValue } from './fieldValue';
import { matchLiterals } from './matcher';
import { isSecretAccessLogField } from './secretFields';
import type { AccessLogFormatKind } from './types';
import { fillTypedProperties } from './typedProperties';

/*
 * Turns one line into a record by a format's field plans: from the parsed
 * JSON when the line is JSON, else through the format's literals. Every
 * value is redacted (whole when its field is secret) before the typed
 * properties are read from it.
 */

const NUMBER = /^-?\d{1,15}(?:\.\d{1,6})?$/;

/** Sets a field even when the line names it `__proto__`. */
function setField(
  fields: AccessLogRecord['fields'],
  name: string,
  value: AccessLogFieldValue,
): void {
  Object.defineProperty(fields, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function lookup(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function unescapeJson(raw: string): string {
  try {
    const text = JSON.parse(`"${raw}"`);
    return typeof text === 'string' ? text : raw;
  } catch {
    return raw;
  }
}

/** Reads lines of one compiled format. */
export class RecordReader {
  private readonly topKeys: Set<string>;

  constructor(
    private readonly kind: AccessLogFormatKind,
    private readonly plans: readonly FieldPlan[],
    private readonly literals: readonly string[],
    private readonly loose: readonly boolean[],
  ) {
    this.topKeys = new Set(
      plans.filter(p => p.path.length > 0).map(p => p.path[0]),
    );
  }

  private record(read: (p: FieldPlan) => unknown): AccessLogRecord {
    const fields: AccessLogRecord['fields'] = {};
    const byVariable = new Map<string, AccessLogFieldValue>();
    for (const p of this.plans) {
      const value = read(p);
      if (value === undefined) continue;
      const shown = redactFieldValue(value, p.secret);
      setField(fields, p.field.name, shown);
      if (p.field.variable) byVariable.set(p.field.variable, shown);
    }
    const out: AccessLogRecord = { fields };
    fillTypedProperties(out, byVariable);
    return out;
  }

  /** A parsed JSON line; undefined when it has none of the format's keys. */
  fromJson(parsed: Record<string, unknown>): AccessLogRecord | undefined {
    if (!Object.keys(parsed).some(k => this.topKeys.has(k))) return undefined;
    const out = this.record(p =>
      p.path.length > 0 ? lookup(parsed, p.path) : undefined,
    );
    for (const [key, value] of Object.entries(parsed)) {
      if (this.topKeys.has(key)) continue;
      // Not in the format (it changed since): the name decides.
      setField(
        out.fields,
        key,
        redactFieldValue(value, isSecretAccessLogField(key, [])),
      );
    }
    return out;
  }

  /** A line read through the format's literals; undefined when it does not fit. */
  fromText(text: string): AccessLogRecord | undefined {
    const spans = matchLiterals(text, this.literals, this.loose);
    if (!spans) return undefined;
    const json = this.kind === 'json';
    return this.record(p => {
      const start = spans[p.first][0] - p.prefix;
      const end = spans[p.last][1] + p.suffix;
      if (start < 0 || end > text.length || end < start) return undefined;
      const raw = text.slice(start, end);
      if (!json) return raw;
      if (p.quoted) return raw.includes('\\') ? unescapeJson(raw) : raw;
      return NUMBER.test(raw) ? Number(raw) : raw;
    });
  }
}
