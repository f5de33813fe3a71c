import {
  CheckCoverage,
  CoverageEntity,
  CoverageTotals,
  StageAudit,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** A stage's identity across entities: its account and ARN. */
function key(stage: StageAudit): string {
  return `${stage.accountId ?? 'default'}|${stage.arn}`;
}

/**
 * Totals over entities and their UNIQUE stages: a stage claimed by an API
 * and its Component counts once. An unreadable stage is counted apart,
 * neither passing nor failing, and its checks are not counted at all.
 */
export function coverageTotals(entities: CoverageEntity[]): CoverageTotals {
  const stages = new Map<string, StageAudit>();
  for (const entity of entities) {
    for (const stage of entity.stages) stages.set(key(stage), stage);
  }
  const checks = new Map<string, CheckCoverage>();
  let passingStages = 0;
  let warningStages = 0;
  let failingStages = 0;
  let unreadableStages = 0;
  for (const stage of stages.values()) {
    if (stage.status === 'unreadable') unreadableStages++;
    else if (stage.status === 'fail') failingStages++;
    else if (stage.status === 'warn') warningStages++;
    else if (stage.status === 'pass') passingStages++;
    for (const check of stage.checks) {
      const c = checks.get(check.id) ?? {
        id: check.id,
        title: check.title,
        passing: 0,
        failing: 0,
        applicable: 0,
      };
      if (['pass', 'fail', 'warn'].includes(check.status)) c.applicable++;
      if (check.status === 'pass') c.passing++;
      if (check.status === 'fail') c.failing++;
      checks.set(check.id, c);
    }
  }
  return {
    entities: entities.length,
    linked: entities.filter(e => e.linked).length,
    notLinked: entities.filter(e => !e.linked).length,
    entitiesWithErrors: entities.filter(e => e.error).length,
    stages: stages.size,
    passingStages,
    warningStages,
    failingStages,
    unreadableStages,
    checks: [...checks.values()],
  };
}
