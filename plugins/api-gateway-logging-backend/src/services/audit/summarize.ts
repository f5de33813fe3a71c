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

/**
 * Totals over the stages of one audit. A stage that could not be read is
 * counted apart: unknown is neither failing nor passing.
 */
export function summarize(stages: StageAudit[]): AuditSummary {
  const checks = emptyCounts();
  let failingStages = 0;
  let unreadableStages = 0;
  for (const stage of stages) {
    for (const check of stage.checks) checks[check.status] += 1;
    if (stage.status === 'unreadable') unreadableStages += 1;
    else if (stage.status === 'fail') failingStages += 1;
  }
  return { stages: stages.length, checks, failingStages, unreadableStages };
}
