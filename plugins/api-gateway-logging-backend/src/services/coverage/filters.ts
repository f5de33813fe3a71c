import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CoverageEntity,
  CoverageFilters,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { summarize } from '../audit/summarize';

/** `team-a`, `group:team-a` and `group:default/team-a` name the same group. */
export function normalizeRef(
  ref: string | undefined,
  defaultKind: string,
): string | undefined {
  if (!ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return ref.toLocaleLowerCase('en-US');
  }
}

/**
 * Applies the coverage filters: owner and system select entities; check
 * keeps only that check's results; status keeps the stages with a (kept)
 * result of that status, and the entities that still have a stage.
 */
export function applyFilters(
  entities: CoverageEntity[],
  filters: CoverageFilters,
): CoverageEntity[] {
  const owner = normalizeRef(filters.owner, 'group');
  const system = normalizeRef(filters.system, 'system');
  const selected = entities.filter(
    e => (!owner || e.owner === owner) && (!system || e.system === system),
  );
  if (!filters.check && !filters.status) return selected;
  return selected.flatMap(entity => {
    const stages = entity.stages
      .map(stage => ({
        ...stage,
        checks: stage.checks.filter(
          c => !filters.check || c.id === filters.check,
        ),
      }))
      .filter(
        stage =>
          !filters.status ||
          stage.checks.some(c => c.status === filters.status),
      );
    if (filters.status && stages.length === 0) return [];
    return [{ ...entity, stages, summary: summarize(stages) }];
  });
}
