import {
  AuditCheckId,
  AuditCheckResult,
  CheckStatus,
  EvidenceValue,
  Remediation,
  Severity,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** Builds a check result; remediation is kept only for `fail` and `warn`. */
export function result(
  id: AuditCheckId,
  severity: Severity,
  status: CheckStatus,
  message: string,
  evidence: Record<string, EvidenceValue>,
  remediation?: Remediation,
): AuditCheckResult {
  return {
    id,
    status,
    severity,
    message,
    evidence,
    // An `error` is fixed by access or retry, which its message says.
    ...(remediation && (status === 'fail' || status === 'warn')
      ? { remediation }
      : {}),
  };
}

// fail beats error (a definite finding), error beats warn, warn beats pass.
const RANK: Record<CheckStatus, number> = {
  fail: 4,
  error: 3,
  warn: 2,
  pass: 1,
  'not-applicable': 0,
};

/** The status that decides a check made of several findings. */
export function worst(statuses: CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>(
    (a, b) => (RANK[b] > RANK[a] ? b : a),
    'not-applicable',
  );
}
