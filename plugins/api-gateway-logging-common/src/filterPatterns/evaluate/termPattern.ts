import { compileRegexTerm, MAX_REGEX_TERMS } from './regexTerm';
import { FilterPatternSyntaxError } from './syntaxError';

/*
 * Patterns of terms for unstructured events ("Using filter patterns to match
 * terms in unstructured log events"): terms are case-sensitive; exact
 * phrases and terms with non-alphanumeric characters are in double quotes;
 * several terms must all appear; `?term` terms are alternatives (any one);
 * `-term` excludes events holding the term; `%regex%` terms match a regular
 * expression. A term is looked for as a substring of the message.
 *
 * Mixing `?` terms with plain or `-` terms is not documented, so it is
 * refused, as are backslashes inside quotes (escaping is not documented).
 */

interface Term {
  kind: 'and' | 'or' | 'not';
  test: (message: string) => boolean;
}

const WORD = /^[A-Za-z0-9_]+$/;

function readTerms(pattern: string): Term[] {
  const terms: Term[] = [];
  let regexes = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    let kind: Term['kind'] = 'and';
    if (c === '?' || c === '-') {
      kind = c === '?' ? 'or' : 'not';
      i++;
    }
    const open = pattern[i];
    if (open === '"' || open === '%') {
      const close = pattern.indexOf(open, i + 1);
      if (close < 0)
        throw new FilterPatternSyntaxError(`An unclosed ${open}`, pattern);
      const body = pattern.slice(i + 1, close);
      i = close + 1;
      if (i < pattern.length && pattern[i] !== ' ' && pattern[i] !== '\t')
        throw new FilterPatternSyntaxError(
          'Text right after a closing quote',
          pattern,
        );
      if (open === '"') {
        if (body.includes('\\'))
          throw new FilterPatternSyntaxError(
            'A backslash inside quotes',
            pattern,
          );
        terms.push({ kind, test: m => m.includes(body) });
      } else {
        if (++regexes > MAX_REGEX_TERMS)
          throw new FilterPatternSyntaxError(
            'More than two regular expressions',
            pattern,
          );
        const regex = compileRegexTerm(body, pattern);
        terms.push({ kind, test: m => regex.test(m) });
      }
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] !== ' ' && pattern[j] !== '\t') j++;
    const word = pattern.slice(i, j);
    if (!WORD.test(word))
      throw new FilterPatternSyntaxError(
        'An unquoted term with characters other than letters, digits and _',
        pattern,
      );
    terms.push({ kind, test: m => m.includes(word) });
    i = j;
  }
  return terms;
}

/** Whether `message` matches a pattern of terms. */
export function matchesTermPattern(pattern: string, message: string): boolean {
  const terms = readTerms(pattern);
  if (terms.length === 0) return true;
  const alternatives = terms.filter(t => t.kind === 'or');
  if (alternatives.length > 0) {
    if (alternatives.length !== terms.length)
      throw new FilterPatternSyntaxError(
        '? terms mixed with other terms',
        pattern,
      );
    return alternatives.some(t => t.test(message));
  }
  return terms.every(t =>
    t.kind === 'not' ? !t.test(message) : t.test(message),
  );
}
