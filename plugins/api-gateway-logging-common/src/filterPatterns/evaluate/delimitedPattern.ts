import { splitDelimited } from '../delimitedFields';
import { isOrderOperator, NUMBER, orderTest } from './numeric';
import { compileRegexTerm, MAX_REGEX_TERMS } from './regexTerm';
import { FilterPatternSyntaxError } from './syntaxError';
import { matchesWildcard } from './wildcard';

/*
 * Space-delimited patterns ("Using filter patterns to match terms in
 * space-delimited log events"): `[ip, user, ..., status = 4* || status = 5*,
 * bytes]`. The event is split at spaces, text in double quotes or square
 * brackets being one field; the pattern names the fields in order, `...`
 * standing for any number of them; a field may carry conditions on itself
 * (`=`, `!=` with `*` wildcards or a number, `<`, `<=`, `>`, `>=` on
 * numbers, `%regex%`), joined by `&&` and `||`.
 *
 * Strict where the documentation is silent: without `...` the event must
 * have exactly as many fields as the pattern names; conditions name their
 * own field only; no parentheses.
 */

type Condition = (field: string) => boolean;

interface FieldSpec {
  ellipsis: boolean;
  test?: Condition;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits `text` at `separator` outside double quotes and `%...%`. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === '%') {
      quote = c;
    } else if (text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function condition(
  text: string,
  name: string,
  pattern: string,
  regexes: { count: number },
): Condition {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(!=|<=|>=|=|<|>)\s*(.*?)\s*$/.exec(
    text,
  );
  if (!m || m[1] !== name)
    throw new FilterPatternSyntaxError(
      'A condition must compare its own field',
      pattern,
    );
  const [, , op, raw] = m;
  if (raw === '')
    throw new FilterPatternSyntaxError('A condition needs a value', pattern);
  if (isOrderOperator(op)) {
    if (!NUMBER.test(raw))
      throw new FilterPatternSyntaxError(`${op} needs a number`, pattern);
    const test = orderTest(op, Number(raw));
    return f => NUMBER.test(f) && test(Number(f));
  }
  let equal: Condition;
  if (NUMBER.test(raw)) {
    equal = f => NUMBER.test(f) && Number(f) === Number(raw);
  } else if (raw.startsWith('%') && raw.endsWith('%') && raw.length > 1) {
    if (++regexes.count > MAX_REGEX_TERMS)
      throw new FilterPatternSyntaxError(
        'More than two regular expressions',
        pattern,
      );
    const regex = compileRegexTerm(raw.slice(1, -1), pattern);
    equal = f => regex.test(f);
  } else {
    const quoted = raw.startsWith('"') && raw.endsWith('"') && raw.length > 1;
    const glob = quoted ? raw.slice(1, -1) : raw;
    if (/["\\\s]/.test(glob))
      throw new FilterPatternSyntaxError('An unsupported value', pattern);
    equal = f => matchesWildcard(glob, f);
  }
  return op === '=' ? equal : f => !equal(f);
}

function readFields(pattern: string): FieldSpec[] {
  const trimmed = pattern.trim();
  if (!trimmed.endsWith(']'))
    throw new FilterPatternSyntaxError(
      'A space-delimited pattern must end with ]',
      pattern,
    );
  const regexes = { count: 0 };
  return splitOutside(trimmed.slice(1, -1), ',').map(raw => {
    const text = raw.trim();
    if (text === '...') return { ellipsis: true };
    if (/[()]/.test(text))
      throw new FilterPatternSyntaxError(
        'Parentheses in a space-delimited pattern',
        pattern,
      );
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0];
    if (!name)
      throw new FilterPatternSyntaxError(
        'A field must start with a name',
        pattern,
      );
    if (NAME.test(text)) return { ellipsis: false };
    const alternatives = splitOutside(text, '||').map(alt =>
      splitOutside(alt, '&&').map(c => condition(c, name, pattern, regexes)),
    );
    return {
      ellipsis: false,
      test: f => alternatives.some(all => all.every(c => c(f))),
    };
  });
}

/** Whether `message` matches the space-delimited pattern `pattern`. */
export function matchesDelimitedPattern(
  pattern: string,
  message: string,
): boolean {
  const specs = readFields(pattern);
  const fields = splitDelimited(message).fields.map(f => f.text);
  // reach[j]: the specs read so far can end just before field j.
  let reach = new Array<boolean>(fields.length + 1).fill(false);
  reach[0] = true;
  for (const spec of specs) {
    const next = new Array<boolean>(fields.length + 1).fill(false);
    for (let j = 0; j <= fields.length; j++) {
      if (!reach[j]) continue;
      if (spec.ellipsis) {
        for (let k = j; k <= fields.length; k++) next[k] = true;
        break;
      }
      if (j < fields.length && (!spec.test || spec.test(fields[j])))
        next[j + 1] = true;
    }
    reach = next;
  }
  return reach[fields.length];
}
