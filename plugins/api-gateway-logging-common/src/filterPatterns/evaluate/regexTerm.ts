import { FilterPatternSyntaxError } from './syntaxError';

/*
 * `%regex%` terms. CloudWatch allows only alphanumerics, the symbols
 * `_ # = @ / ; , - :`, and the operators `^ $ ? [ ] { } | \ * + .`; no
 * parentheses, no multi-byte characters, and at most two regular
 * expressions per pattern ("Supported regular expressions (regex) syntax",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
 * Anything else is refused, so a pattern that AWS would reject fails here too.
 */

const ALLOWED = /^[A-Za-z0-9_#=@/;,:\-^$?[\]{}|\\*+.]+$/;

/** Most regular expressions in one pattern. */
export const MAX_REGEX_TERMS = 2;

/** The JavaScript form of the `%...%` body `body`. */
export function compileRegexTerm(body: string, pattern: string): RegExp {
  if (!ALLOWED.test(body))
    throw new FilterPatternSyntaxError(
      'A regular expression holds a character CloudWatch does not allow',
      pattern,
    );
  try {
    return new RegExp(body);
  } catch {
    throw new FilterPatternSyntaxError(
      'An invalid regular expression',
      pattern,
    );
  }
}
