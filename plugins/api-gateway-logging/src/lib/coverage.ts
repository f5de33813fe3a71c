import {
  CheckStatus,
  CoverageEntity,
  worstStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';

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
    result[id] = {
      title,
      status: worst,
      stages: results.filter(r => r.status === worst).map(r => r.stage),
    };
  }
  return result;
}

/** When the entity's oldest stage result was read (epoch ms); undefined when none says. */
export function oldestCheck(entity: CoverageEntity): number | undefined {
  const times = entity.stages
    .map(s => (s.checkedAt ? Date.parse(s.checkedAt) : NaN))
    .filter(t => !Number.isNaN(t));
  return times.length > 0 ? Math.min(...times) : undefined;
}
