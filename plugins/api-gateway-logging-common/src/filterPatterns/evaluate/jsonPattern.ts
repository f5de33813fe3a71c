import { isOrderOperator, NUMBER, orderTest } from './numeric';
import { type JsonToken, KEYWORDS, tokenizeJsonPattern } from './jsonTokens';
import { FilterPatternSyntaxError } from './syntaxError';
import { matchesWildcard } from './wildcard';

/*
 * JSON patterns ("Using filter patterns to match terms in JSON log events"):
 * `{ SELECTOR OP VALUE }` with `$.a.b[0]` selectors, `=` and `!=` on strings
 * (`*` wildcards, quoted or not) and numbers, `<`, `<=`, `>`, `>=` on
 * numbers, `IS NULL`, `NOT EXISTS`, `IS TRUE`, `IS FALSE`, `%regex%` values,
 * combined with `&&`, `||` and parentheses. An event that is not a JSON
 * object matches no JSON pattern.
 *
 * Where the documentation is silent this evaluator is strict: a string
 * comparison (`=` or `!=`) never matches a number (`"4*"` against 404), a
 * numeric one never a string (`>= 400` against "404"), and a comparison on
 * a missing field is false, `!=` included.
 */

type Test = (event: unknown) => boolean;
const MISSING = Symbol('missing');

function resolve(
  event: unknown,
  path: ReadonlyArray<string | number>,
): unknown {
  let at: unknown = event;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return MISSING;
    if (typeof key === 'number' ? !Array.isArray(at) : Array.isArray(at))
      return MISSING;
    if (!Object.prototype.hasOwnProperty.call(at, key)) return MISSING;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: JsonToken[],
    private readonly pattern: string,
  ) {}

  parse(): Test {
    const test = this.or(0);
    if (this.i !== this.tokens.length)
      this.fail('Unexpected text after an expression');
    return test;
  }

  private fail(message: string): never {
    throw new FilterPatternSyntaxError(message, this.pattern);
  }

  private peek(): JsonToken | undefined {
    return this.tokens[this.i];
  }

  /** `next (kind next)*`: the operands of one `||` or `&&` chain. */
  private chain(
    kind: 'or' | 'and',
    next: (depth: number) => Test,
    depth: number,
  ): Test {
    const parts = [next(depth)];
    while (this.peek()?.t === kind) {
      this.i++;
      parts.push(next(depth));
    }
    if (parts.length === 1) return parts[0];
    return kind === 'or'
      ? e => parts.some(p => p(e))
      : e => parts.every(p => p(e));
  }

  private or(depth: number): Test {
    return this.chain('or', d => this.and(d), depth);
  }

  private and(depth: number): Test {
    return this.chain('and', d => this.unary(d), depth);
  }

  private unary(depth: number): Test {
    const token = this.peek();
    if (token?.t === 'open') {
      if (depth > 32) this.fail('Parentheses nested too deep');
      this.i++;
      const inner = this.or(depth + 1);
      if (this.peek()?.t !== 'close') this.fail('An unclosed parenthesis');
      this.i++;
      return inner;
    }
    return this.comparison();
  }

  private word(): string | undefined {
    const token = this.peek();
    if (token?.t !== 'word' || !KEYWORDS.has(token.text)) return undefined;
    this.i++;
    return token.text;
  }

  private comparison(): Test {
    const selector = this.peek();
    if (selector?.t !== 'selector')
      return this.fail('A comparison must start with a $ selector');
    this.i++;
    const path = selector.path;
    const get = (e: unknown) => resolve(e, path);
    const keyword = this.word();
    if (keyword === 'IS') {
      const what = this.word();
      if (what === 'NULL') return e => get(e) === null;
      if (what === 'TRUE') return e => get(e) === true;
      if (what === 'FALSE') return e => get(e) === false;
      return this.fail('IS must be followed by NULL, TRUE or FALSE');
    }
    if (keyword === 'NOT') {
      if (this.word() !== 'EXISTS') this.fail('NOT must be followed by EXISTS');
      return e => get(e) === MISSING;
    }
    if (keyword) this.fail(`An unexpected ${keyword}`);
    const op = this.peek();
    if (op?.t !== 'op') return this.fail('A comparison needs an operator');
    this.i++;
    const value = this.peek();
    this.i++;
    return this.compare(op.op, value, get);
  }

  private compare(
    op: string,
    value: JsonToken | undefined,
    get: (e: unknown) => unknown,
  ): Test {
    const numeric = value?.t === 'word' && NUMBER.test(value.text);
    if (isOrderOperator(op)) {
      if (!numeric) return this.fail(`${op} needs a number`);
      const test = orderTest(op, Number((value as { text: string }).text));
      return e => {
        const v = get(e);
        return typeof v === 'number' && test(v);
      };
    }
    // `equal` answers only for a value of the comparable type.
    let comparable: (v: unknown) => boolean;
    let equal: (v: unknown) => boolean;
    if (numeric) {
      const n = Number((value as { text: string }).text);
      comparable = v => typeof v === 'number';
      equal = v => v === n;
    } else if (value?.t === 'string' || value?.t === 'word') {
      const glob = value.text;
      if (value.t === 'word' && KEYWORDS.has(glob))
        return this.fail(`An unexpected ${glob}`);
      comparable = v => typeof v === 'string';
      equal = v => matchesWildcard(glob, v as string);
    } else if (value?.t === 'regex') {
      const regex = value.regex;
      comparable = v => typeof v === 'string';
      equal = v => regex.test(v as string);
    } else {
      return this.fail('A comparison needs a value');
    }
    const same = op === '=';
    return e => {
      const v = get(e);
      return comparable(v) && equal(v) === same;
    };
  }
}

/** Whether `message` (a JSON event) matches the JSON pattern `pattern`. */
export function matchesJsonPattern(pattern: string, message: string): boolean {
  const trimmed = pattern.trim();
  if (!trimmed.endsWith('}'))
    throw new FilterPatternSyntaxError(
      'A JSON pattern must end with }',
      pattern,
    );
  const test = new Parser(
    tokenizeJsonPattern(trimmed.slice(1, -1), pattern),
    pattern,
  ).parse();
  let event: unknown;
  try {
    event = JSON.parse(message);
  } catch {
    return false;
  }
  if (event === null || typeof event !== 'object') return false;
  return test(event);
}
