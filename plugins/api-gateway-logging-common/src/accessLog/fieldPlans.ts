import { nameBefore, uniqueName, variableName } from './fieldNames';
import { jsonValueRegions } from './jsonTemplate';
import { isSecretAccessLogField } from './secretFields';
import type { Capture, SplitFormat } from './template';
import type { AccessLogField, AccessLogFormatKind } from './types';

/*
 * Which part of a line each field of a format is: the captures its value
 * spans, the literal text around them inside the value, its JSON key path,
 * and whether it is secret. Made once per format.
 */

/** How one field is read from a line, either way. */
export interface FieldPlan {
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

/** The fields of a split format, named uniquely, with their secrecy. */
export function fieldPlans(
  format: string,
  kind: AccessLogFormatKind,
  { literals, captures }: SplitFormat,
): FieldPlan[] {
  const taken = new Set<string>();
  return (
    kind === 'json'
      ? jsonPlans(format, captures)
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
}
