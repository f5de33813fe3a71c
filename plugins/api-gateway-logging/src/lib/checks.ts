import {
  AuditCheckResult,
  CHECK_STATUS_RANK,
  CheckStatus,
  Severity,
  StageAudit,
  StageStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { isUnreadable } from './problems';

/** How a person reads each status. */
export const STATUS_LABELS: Record<CheckStatus, string> = {
  fail: 'Fail',
  error: 'Could not check',
  warn: 'Warning',
  pass: 'Pass',
  'not-applicable': 'Not applicable',
};

const SEVERITY_RANK: Record<Severity, number> = {
  high: 0,
  medium: 1,
  low: 2,
};

/**
 * Failures first (then errors, warnings: the common package's ranking),
 * the most severe first within.
 */
export function compareChecks(a: AuditCheckResult, b: AuditCheckResult) {
  return (
    CHECK_STATUS_RANK[b.status] - CHECK_STATUS_RANK[a.status] ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}

/** A stage's status as the backend states it; unreadable whatever else it says. */
export function stageStatus(stage: StageAudit): StageStatus {
  return isUnreadable(stage) ? 'unreadable' : stage.status;
}

/**
 * How much a stage's status weighs, on the common ranking of check
 * statuses: an unreadable stage between a failing one (a definite finding)
 * and one with a check that could not run.
 */
export function stageRank(status: StageStatus): number {
  return status === 'unreadable'
    ? (CHECK_STATUS_RANK.fail + CHECK_STATUS_RANK.error) / 2
    : CHECK_STATUS_RANK[status];
}

/**
 * Share of applicable checks that pass, 0–100; undefined when nothing
 * applies (no stage, or only not-applicable checks).
 */
export function coveragePercent(
  counts: Record<CheckStatus, number>,
): number | undefined {
  const applicable = counts.pass + counts.fail + counts.warn + counts.error;
  return applicable === 0
    ? undefined
    : Math.round((counts.pass / applicable) * 100);
}
