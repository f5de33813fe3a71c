import {
  AuditSummary,
  CHECK_STATUSES,
  StageAudit,
  StatusCounts,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** Zero for every status. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(CHECK_STATUSES.map(s => [s, 0])) as StatusCounts;
}

/** Totals over the stages of one audit. */
export function summarize(stages: StageAudit[]): AuditSummary {
  const checks = emptyCounts();
  let failingStages = 0;
  for (const stage of stages) {
    for (const check of stage.checks) checks[check.status] += 1;
    if (stage.checks.some(c => c.status === 'fail' || c.status === 'error')) {
      failingStages += 1;
    }
  }
  return { stages: stages.length, checks, failingStages };
}
