import {
  AnnotatedEntity,
  readStageSelector,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * Ordering of a coverage run. Each AWS account and region has its own rate
 * limiters, so audits taken in catalog order (often grouped by team, hence by
 * account) would all queue on one limiter while the others sit idle. Taking
 * entities round-robin across their account and region keeps every limiter
 * busy.
 */

/**
 * The account and region an entity's audit calls first, as an ordering key:
 * `''` when unknown (no annotation, or a malformed one, which the audit
 * itself reports).
 */
export function auditTarget(entity: AnnotatedEntity): string {
  try {
    const selector = readStageSelector(entity);
    if (selector?.kind === 'arns' && selector.stages.length > 0) {
      const stage = selector.stages[0];
      return `${stage.accountId ?? ''}|${stage.region}`;
    }
    if (selector?.kind === 'tags') return `${selector.accountId ?? ''}|tags`;
  } catch {
    // Malformed annotations are the audit's to report, not the ordering's.
  }
  return '';
}

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
