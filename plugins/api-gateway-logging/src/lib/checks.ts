import {
  AuditCheckResult,
  CheckStatus,
  Severity,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** How a person reads each status. */
export const STATUS_LABELS: Record<CheckStatus, string> = {
  fail: 'Fail',
  error: 'Could not check',
  warn: 'Warning',
  pass: 'Pass',
  'not-applicable': 'Not applicable',
};

const STATUS_RANK: Record<CheckStatus, number> = {
  error: 0,
  fail: 1,
  warn: 2,
  pass: 3,
  'not-applicable': 4,
};

const SEVERITY_RANK: Record<Severity, number> = {
  high: 0,
  medium: 1,
  low: 2,
};

/** Failures first (then errors, warnings), the most severe first within. */
export function compareChecks(a: AuditCheckResult, b: AuditCheckResult) {
  return (
    rankStatus(a.status) - rankStatus(b.status) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}

/** Sorting rank of a status: fail first, then error, warn, pass, n/a. */
export function rankStatus(status: CheckStatus): number {
  // A failing check is a finding; an error is an unknown: findings first.
  if (status === 'fail') return -1;
  return STATUS_RANK[status];
}

/** The worst of some statuses (fail over error over warn over pass). */
export function worstStatus(statuses: CheckStatus[]): CheckStatus | undefined {
  return [...statuses].sort((a, b) => rankStatus(a) - rankStatus(b))[0];
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
