import { StageAudit } from '@apigw-logging/plugin-api-gateway-logging-common';
import { DailyCoverageRow } from '../../store/dailyCoverage';

/** The scopes a stage counts in: the fleet, its owners' and its entities'. */
export interface ScopedStage {
  audit: StageAudit;
  scopes: string[];
}

/**
 * Today's coverage per scope and check: how many stages pass each check,
 * how many could pass or fail it and do not, and how many could not be
 * read at all (neither).
 */
export function dailyRollup(
  day: string,
  stages: ScopedStage[],
): DailyCoverageRow[] {
  const rows = new Map<string, DailyCoverageRow>();
  const totals = new Map<string, { stages: number; unreadable: number }>();
  for (const { audit, scopes } of stages) {
    for (const scope of scopes) {
      const t = totals.get(scope) ?? { stages: 0, unreadable: 0 };
      t.stages++;
      if (audit.status === 'unreadable') t.unreadable++;
      totals.set(scope, t);
      for (const check of audit.checks) {
        const key = `${scope}\u0000${check.id}`;
        const row = rows.get(key) ?? {
          day,
          scope,
          checkId: check.id,
          stages: 0,
          passing: 0,
          failing: 0,
          unreadable: 0,
        };
        if (check.status === 'pass') row.passing++;
        else if (check.status === 'fail' || check.status === 'warn')
          row.failing++;
        rows.set(key, row);
      }
    }
  }
  for (const row of rows.values()) {
    const t = totals.get(row.scope)!;
    row.stages = t.stages;
    row.unreadable = t.unreadable;
  }
  return [...rows.values()];
}
