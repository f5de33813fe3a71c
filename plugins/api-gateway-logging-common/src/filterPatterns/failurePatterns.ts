import { FAILURE_MESSAGE_PHRASES } from '../parser';
import { orPatterns, quote } from './orPatterns';
import type { FilterPatternMode } from './types';

/**
 * The phrases the patterns search for: the parser's own
 * `FAILURE_MESSAGE_PHRASES`, less any phrase that contains another one (an
 * event holding it already holds the shorter). `Method completed with
 * status: 4` and `: 5` cover every failing status, also 407, 412, 499, 511
 * and the custom codes of proxy integrations.
 */
export function failurePhrases(): string[] {
  const phrases = [...new Set(FAILURE_MESSAGE_PHRASES)];
  return phrases.filter(
    p => !phrases.some(other => other !== p && p.includes(other)),
  );
}

/**
 * CloudWatch Logs filter patterns that select the execution-log events of
 * failing requests. Both modes are derived from the same phrases and select
 * the same events: `any-term` as few `?"a" ?"b"` patterns as the 1,024
 * character limit allows (one today), `exact-phrase` one `"phrase"` per
 * pattern. The server's selection is a pre-filter: callers still keep only
 * the events `isFailureMessage` accepts.
 *
 * @public
 */
export function failurePatterns(mode: FilterPatternMode): string[] {
  const phrases = failurePhrases();
  return mode === 'exact-phrase' ? phrases.map(quote) : orPatterns(phrases);
}
