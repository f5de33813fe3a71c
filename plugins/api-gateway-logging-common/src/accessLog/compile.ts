import type { AccessLogRecord } from '../failures';
import { type AccessLogFieldValue, redactFieldValue } from './fieldValue';
import { nameBefore, uniqueName, variableName } from './fieldNames';
import { jsonValueRegions } from './jsonTemplate';
import { matchLiterals } from './matcher';
import { parseAccessLogRecord } from './parseRecord';
import { isSecretAccessLogField } from './secretFields';
import {
  type Capture,
  formatKind,
  looseCaptures,
  MAX_FORMAT_LENGTH,
  normalizeFormat,
  splitFormat,
} from './template';
import { fillTypedProperties } from './typedProperties';
import type {
  AccessLogField,
  AccessLogFormatKind,
  CompiledAccessLogFormat,
} from './types';

/** Longest line read; CloudWatch events can be far longer than any record. */
const MAX_LINE_LENGTH = 64 * 1024;
const NUMBER = /^-?\d{1,15}(?:\.\d{1,6})?$/;

/** How one field is read from a line, either way. */
interface FieldPlan {
  field: AccessLogField;
  /** JSON key path, for lines that parse as JSON. */
  path: string[];
  /** First and last capture of the value, and the literal text around them inside it. */
  first: number;
  last: number;
  prefix: number;
  suffix: number;
  quoted: boolean;
  secret: boolean;
}

function plan(
  name: string,
  captures: readonly Capture[],
  first: number,
  last: number,
  region: { start: number; end: number; quoted: boolean; path: string[] },
): Omit<FieldPlan, 'field' | 'secret'> & { name: string; variables: string[] } {
  const variables = captures
    .slice(first, last + 1)
    .flatMap(c => c.variables.map(v => v.variable));
  return {
    name,
    variables,
    path: region.path,
    first,
    last,
    prefix: captures[first].start - region.start,
    suffix: region.end - captures[last].end,
    quoted: region.quoted,
  };
}

/** A capture read as a field of its own, named by its variable. */
function ownPlan(captures: readonly Capture[], c: number) {
  const own = captures[c];
  return plan(variableName(own.variables[0].variable), captures, c, c, {
    ...own,
    quoted: false,
    path: [],
  });
}

/** JSON: one field per value of the format, named by its key path. */
function jsonPlans(format: string, captures: readonly Capture[]) {
  const plans: ReturnType<typeof plan>[] = [];
  let c = 0;
  for (const region of jsonValueRegions(format)) {
    // A variable outside any value (in a key): a field of its own.
    while (c < captures.length && captures[c].end <= region.start)
      plans.push(ownPlan(captures, c++));
    const first = c;
    while (c < captures.length && captures[c].end <= region.end) c++;
    if (c === first) continue; // a constant: nothing to read
    if (region.path.length > 0) {
      plans.push(plan(region.path.join('.'), captures, first, c - 1, region));
      continue;
    }
    // A malformed entry (`"stage:$context.stage"`): each variable is a
    // field named by the text before it.
    for (let k = first; k < c; k++) {
      const own = captures[k];
      const before = format.slice(
        k === first ? region.start : captures[k - 1].end,
        own.start,
      );
      plans.push(
        plan(
          nameBefore('json', before, own.variables[0].variable),
          captures,
          k,
          k,
          { ...own, quoted: true, path: [] },
        ),
      );
    }
  }
  while (c < captures.length) plans.push(ownPlan(captures, c++));
  return plans;
}

/** Other kinds: one field per capture, named by the text before it. */
function textPlans(
  kind: AccessLogFormatKind,
  literals: readonly string[],
  captures: readonly Capture[],
) {
  return captures.map((capture, i) =>
    plan(
      nameBefore(kind, literals[i], capture.variables[0].variable),
      captures,
      i,
      i,
      { start: capture.start, end: capture.end, quoted: false, path: [] },
    ),
  );
}

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
  const { literals, captures } = split;
  const kind = formatKind(normalized, literals);
  const loose = looseCaptures(split);
  const taken = new Set<string>();
  const plans: FieldPlan[] = (
    kind === 'json'
      ? jsonPlans(normalized, captures)
      : textPlans(kind, literals, captures)
  ).map(({ name, variables, ...rest }) => {
    const unique = uniqueName(name, taken);
    const field: AccessLogField = {
      name: unique,
      ...(variables.length === 1 && rest.prefix === 0 && rest.suffix === 0
        ? { variable: variables[0] }
        : {}),
      variables,
      ...(rest.path.length > 0
        ? { json: { path: rest.path, quoted: rest.quoted } }
        : {}),
    };
    return {
      ...rest,
      field,
      secret: isSecretAccessLogField(unique, variables),
    };
  });
  const variables = new Set(plans.flatMap(p => p.field.variables));
  const topKeys = new Set(
    plans.filter(p => p.path.length > 0).map(p => p.path[0]),
  );

  function record(read: (p: FieldPlan) => unknown): AccessLogRecord {
    const fields: AccessLogRecord['fields'] = {};
    const byVariable = new Map<string, AccessLogFieldValue>();
    for (const p of plans) {
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

  function fromJson(
    parsed: Record<string, unknown>,
  ): AccessLogRecord | undefined {
    if (!Object.keys(parsed).some(k => topKeys.has(k))) return undefined;
    const out = record(p =>
      p.path.length > 0 ? lookup(parsed, p.path) : undefined,
    );
    for (const [key, value] of Object.entries(parsed)) {
      if (topKeys.has(key)) continue;
      // Not in the format (it changed since): the name decides.
      setField(
        out.fields,
        key,
        redactFieldValue(value, isSecretAccessLogField(key, [])),
      );
    }
    return out;
  }

  function fromText(text: string): AccessLogRecord | undefined {
    const spans = matchLiterals(text, literals, loose);
    if (!spans) return undefined;
    return record(p => {
      const start = spans[p.first][0] - p.prefix;
      const end = spans[p.last][1] + p.suffix;
      if (start < 0 || end > text.length || end < start) return undefined;
      const raw = text.slice(start, end);
      if (kind !== 'json') return raw;
      if (p.quoted) return raw.includes('\\') ? unescapeJson(raw) : raw;
      return NUMBER.test(raw) ? Number(raw) : raw;
    });
  }

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
        let parsed: unknown;
        try {
          parsed = JSON.parse(trimmed);
        } catch {
          parsed = undefined;
        }
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          const out = fromJson(parsed as Record<string, unknown>);
          if (out) return out;
        }
      }
      const out = fromText(text);
      if (out) return out;
      // A JSON line of another format (the stage's format changed since).
      return json ? parseAccessLogRecord(text) : undefined;
    },
  };
}
