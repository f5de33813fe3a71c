import {
  AUDIT_CHECK_IDS,
  AuditCheckId,
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

/** The worst status of each check over an entity's stages. */
export function checkStatuses(
  entity: CoverageEntity,
): Partial<Record<AuditCheckId, { status: CheckStatus; stages: string[] }>> {
  const result: Partial<
    Record<AuditCheckId, { status: CheckStatus; stages: string[] }>
  > = {};
  for (const id of AUDIT_CHECK_IDS) {
    const perStage = entity.stages.flatMap(stage =>
      stage.checks
        .filter(c => c.id === id)
        .map(c => ({ stage: stage.stageName, status: c.status })),
    );
    const worst = worstStatus(perStage.map(p => p.status));
    if (worst) {
      result[id] = {
        status: worst,
        stages: perStage.filter(p => p.status === worst).map(p => p.stage),
      };
    }
  }
  return result;
}

/** `team-a` from `group:default/team-a`. */
export function shortRef(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
