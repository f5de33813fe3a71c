import { MAX_FILTER_PATTERN_LENGTH } from '../types';
import { matchesDelimitedPattern } from './delimitedPattern';
import { matchesJsonPattern } from './jsonPattern';
import { FilterPatternSyntaxError } from './syntaxError';
import { matchesTermPattern } from './termPattern';

/**
 * Whether CloudWatch Logs would select `message` with `pattern`, by the
 * documented filter pattern syntax ("Filter pattern syntax for metric
 * filters, subscription filters, filter log events, and Live Tail",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html,
 * and its pages on unstructured, JSON and space-delimited events): terms
 * (quoted or not, case-sensitive, all required), `?term` alternatives,
 * `-term` exclusions, `%regex%` terms, JSON patterns (`{ $.a = "x*" }`,
 * numeric comparisons, `&&`, `||`, parentheses, `IS NULL`, `NOT EXISTS`,
 * `IS TRUE`, `IS FALSE`) and space-delimited patterns (`[a, b = 4*, ...]`).
 *
 * For tests: it lets patterns be checked the way AWS runs them, which
 * AWS-compatible emulators do not (moto selects every event for a pattern
 * starting with `?` or `{`). Throws {@link FilterPatternSyntaxError} for
 * syntax it does not know, or a pattern longer than AWS accepts, rather
 * than guess.
 *
 * @public
 */
export function matchesFilterPattern(
  pattern: string,
  message: string,
): boolean {
  if (typeof pattern !== 'string' || typeof message !== 'string')
    throw new TypeError('matchesFilterPattern takes two strings');
  if (pattern.length > MAX_FILTER_PATTERN_LENGTH)
    throw new FilterPatternSyntaxError('Longer than 1,024 characters', pattern);
  const first = pattern.trimStart()[0];
  if (first === '{') return matchesJsonPattern(pattern, message);
  if (first === '[') return matchesDelimitedPattern(pattern, message);
  return matchesTermPattern(pattern, message);
}
