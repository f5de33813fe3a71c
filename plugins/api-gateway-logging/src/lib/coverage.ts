import {
  CheckStatus,
  CoverageEntity,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { rankStatus, worstStatus } from './checks';

/** How the coverage page groups entities. */
export type GroupBy = 'owner' | 'system';

/** Entities of one owner or system. */
export interface CoverageGroup {
  key: string;
  entities: CoverageEntity[];
}

/** Sort rank of an entity: errors and failures first, not linked last. */
export function entityRank(entity: CoverageEntity): number {
  if (!entity.linked) return 10;
  if (entity.error) return -2;
  const worst = worstStatus(
    entity.stages.flatMap(s => s.checks.map(c => c.status)),
  );
  return worst ? rankStatus(worst) : 5;
}

/** Groups entities by owner or system, worst entities first in each group. */
export function groupEntities(
  entities: CoverageEntity[],
  by: GroupBy,
): CoverageGroup[] {
  const groups = new Map<string, CoverageEntity[]>();
  for (const entity of entities) {
    const key = entity[by] ?? `no ${by}`;
    groups.set(key, [...(groups.get(key) ?? []), entity]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({
      key,
      entities: [...list].sort(
        (a, b) =>
          entityRank(a) - entityRank(b) ||
          b.summary.checks.fail - a.summary.checks.fail ||
          a.entityRef.localeCompare(b.entityRef),
      ),
    }))
    .sort(
      (a, b) =>
        Math.min(...a.entities.map(entityRank)) -
          Math.min(...b.entities.map(entityRank)) || a.key.localeCompare(b.key),
    );
}

/**
 * The worst status of each check over an entity's stages, for every check
 * the backend ran (modules' checks included), with its title.
 */
export function checkStatuses(
  entity: CoverageEntity,
): Record<string, { title: string; status: CheckStatus; stages: string[] }> {
  const perCheck = new Map<
    string,
    { title: string; results: Array<{ stage: string; status: CheckStatus }> }
  >();
  for (const stage of entity.stages) {
    for (const check of stage.checks) {
      const entry = perCheck.get(check.id) ?? {
        title: check.title,
        results: [],
      };
      entry.results.push({ stage: stage.stageName, status: check.status });
      perCheck.set(check.id, entry);
    }
  }
  const result: Record<
    string,
    { title: string; status: CheckStatus; stages: string[] }
  > = {};
  for (const [id, { title, results }] of perCheck) {
    const worst = worstStatus(results.map(r => r.status));
    if (worst) {
      result[id] = {
        title,
        status: worst,
        stages: results.filter(r => r.status === worst).map(r => r.stage),
      };
    }
  }
  return result;
}

/** `team-a` from `group:default/team-a`. */
export function shortRef(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
