/**
 * Ordering of a sweep's audits. Each AWS account and region has its own
 * rate limiter, so audits taken in listing order (one account-region after
 * another) would all queue on one limiter while the others sit idle.
 * Taking stages round-robin across account-regions keeps every limiter busy.
 */

/**
 * `items` taken round-robin across the groups `key` puts them in; the order
 * within a group is kept.
 */
export function interleaveBy<T>(items: T[], key: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  const lanes = [...groups.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) {
    for (const lane of lanes) if (i < lane.length) out.push(lane[i]);
  }
  return out;
}
