import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CoverageEntity,
  CoverageFilters,
  CoverageSort,
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
  const search = filters.search?.toLocaleLowerCase('en-US');
  const selected = entities.filter(
    e =>
      (!owner || e.owner === owner) &&
      (!system || e.system === system) &&
      (!search ||
        e.entityRef.toLocaleLowerCase('en-US').includes(search) ||
        (e.title ?? '').toLocaleLowerCase('en-US').includes(search)),
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

/** The filters a query applied, without its paging. */
export function pickFilters(query: CoverageFilters): CoverageFilters {
  const { owner, system, check, status, search } = query;
  return Object.fromEntries(
    Object.entries({ owner, system, check, status, search }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as CoverageFilters;
}

/** Share of applicable checks passing, or -1 when none applies. */
function coverageOf(entity: CoverageEntity): number {
  const { pass, fail, warn } = entity.summary.checks;
  const applicable = pass + fail + warn;
  return applicable === 0 ? -1 : pass / applicable;
}

/** Entities in the order the coverage page asks for (then by reference). */
export function sortEntities(
  entities: CoverageEntity[],
  sort: CoverageSort,
  order: 'asc' | 'desc',
): CoverageEntity[] {
  const value = (e: CoverageEntity): string | number => {
    switch (sort) {
      case 'owner':
        return e.owner ?? '';
      case 'failing':
        return e.summary.failingStages;
      case 'coverage':
        return coverageOf(e);
      default:
        return e.entityRef.split('/').pop() ?? e.entityRef;
    }
  };
  const sign = order === 'asc' ? 1 : -1;
  return [...entities].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    let cmp = 0;
    if (x < y) cmp = -1;
    else if (x > y) cmp = 1;
    return sign * cmp || a.entityRef.localeCompare(b.entityRef);
  });
}
