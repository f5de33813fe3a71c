import { compileRegexTerm, MAX_REGEX_TERMS } from './regexTerm';
import { FilterPatternSyntaxError } from './syntaxError';

/*
 * The tokens of a JSON filter pattern: parentheses, `&&`, `||`, operators,
 * `$.a.b[0]` selectors, quoted strings (no backslash escapes: undocumented),
 * `%regex%` values (at most two), and bare words (numbers, unquoted strings,
 * the keywords).
 */

/** One token of a JSON pattern's body. */
export type JsonToken =
  | { t: 'open' | 'close' | 'and' | 'or' }
  | { t: 'op'; op: string }
  | { t: 'selector'; path: Array<string | number> }
  | { t: 'string'; text: string }
  | { t: 'regex'; regex: RegExp }
  | { t: 'word'; text: string };

const OPS = ['!=', '<=', '>=', '=', '<', '>'];
/** The words of `IS NULL`, `NOT EXISTS`, `IS TRUE`, `IS FALSE`. */
export const KEYWORDS = new Set([
  'IS',
  'NOT',
  'NULL',
  'EXISTS',
  'TRUE',
  'FALSE',
]);

function selectorPath(text: string, pattern: string): Array<string | number> {
  const path: Array<string | number> = [];
  const part = /\.([A-Za-z0-9_@-]+)|\[(\d{1,6})\]/y;
  let i = 1;
  while (i < text.length) {
    part.lastIndex = i;
    const m = part.exec(text);
    if (!m) throw new FilterPatternSyntaxError('An unknown selector', pattern);
    path.push(m[1] !== undefined ? m[1] : Number(m[2]));
    i = part.lastIndex;
  }
  if (path.length === 0)
    throw new FilterPatternSyntaxError('A selector with no field', pattern);
  return path;
}

/** The tokens of a JSON pattern's body (between its braces). */
export function tokenizeJsonPattern(
  body: string,
  pattern: string,
): JsonToken[] {
  const tokens: JsonToken[] = [];
  let regexes = 0;
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ t: c === '(' ? 'open' : 'close' });
      i++;
    } else if (body.startsWith('&&', i) || body.startsWith('||', i)) {
      tokens.push({ t: c === '&' ? 'and' : 'or' });
      i += 2;
    } else if (c === '"' || c === '%') {
      const close = body.indexOf(c, i + 1);
      if (close < 0)
        throw new FilterPatternSyntaxError(`An unclosed ${c}`, pattern);
      const text = body.slice(i + 1, close);
      if (c === '"') {
        if (text.includes('\\'))
          throw new FilterPatternSyntaxError(
            'A backslash inside quotes',
            pattern,
          );
        tokens.push({ t: 'string', text });
      } else {
        if (++regexes > MAX_REGEX_TERMS)
          throw new FilterPatternSyntaxError(
            'More than two regular expressions',
            pattern,
          );
        tokens.push({ t: 'regex', regex: compileRegexTerm(text, pattern) });
      }
      i = close + 1;
    } else {
      const at = i;
      const op = OPS.find(o => body.startsWith(o, at));
      if (op) {
        tokens.push({ t: 'op', op });
        i += op.length;
        continue;
      }
      let j = i;
      while (j < body.length && !/[\s()=!<>&|"%]/.test(body[j])) j++;
      if (j === i)
        throw new FilterPatternSyntaxError(`An unexpected ${c}`, pattern);
      const text = body.slice(i, j);
      tokens.push(
        text.startsWith('$')
          ? { t: 'selector', path: selectorPath(text, pattern) }
          : { t: 'word', text },
      );
      i = j;
    }
  }
  return tokens;
}
