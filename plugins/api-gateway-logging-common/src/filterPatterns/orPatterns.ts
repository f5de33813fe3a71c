import { MAX_FILTER_PATTERN_LENGTH } from './types';

/**
 * `?"a" ?"b" ...` patterns holding every term, each within CloudWatch's
 * length limit. Terms are constants of this package or validated request
 * ids: a term holding `"` or `\` cannot be quoted safely, so it is refused.
 */
export function orPatterns(terms: readonly string[]): string[] {
  const patterns: string[] = [];
  let current = '';
  for (const term of terms) {
    const quoted = `?${quote(term)}`;
    if (quoted.length > MAX_FILTER_PATTERN_LENGTH)
      throw new RangeError('A filter term is longer than a pattern may be');
    if (
      current &&
      current.length + 1 + quoted.length > MAX_FILTER_PATTERN_LENGTH
    ) {
      patterns.push(current);
      current = '';
    }
    current = current ? `${current} ${quoted}` : quoted;
  }
  if (current) patterns.push(current);
  return patterns;
}

/** `"term"`; refuses what cannot stand between quotes. */
export function quote(term: string): string {
  if (typeof term !== 'string' || term.length === 0 || /["\\\r\n]/.test(term))
    throw new TypeError(
      'A filter term cannot be empty or hold quotes, backslashes or newlines',
    );
  return `"${term}"`;
}
