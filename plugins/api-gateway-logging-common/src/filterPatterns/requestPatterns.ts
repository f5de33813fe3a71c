import { normalizeRequestId } from '../parser';
import { orPatterns, quote } from './orPatterns';
import type { FilterPatternMode } from './types';

/**
 * Patterns that select every event of the given requests: `any-term` batches
 * the ids into as few `?"id"` patterns as fit 1,024 characters,
 * `exact-phrase` gives one `"id"` per id. Ids are normalized as API Gateway
 * logs them (UUIDs in lower case) and deduplicated. Anything that is not a
 * request id (`isValidRequestId`) is refused with a `TypeError`: nothing a
 * caller sends is escaped into a pattern.
 *
 * @public
 */
export function requestPatterns(
  requestIds: readonly string[],
  mode: FilterPatternMode,
): string[] {
  const ids = new Set<string>();
  for (const id of requestIds) {
    const normalized = normalizeRequestId(id);
    if (normalized === undefined)
      throw new TypeError(
        'requestPatterns takes request ids only (see isValidRequestId)',
      );
    ids.add(normalized);
  }
  return mode === 'exact-phrase' ? [...ids].map(quote) : orPatterns([...ids]);
}
