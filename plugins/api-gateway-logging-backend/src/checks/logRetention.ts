import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  LoggingPolicy,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  CheckStatus,
  EvidenceValue,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { logsCommand } from './support/remediation';
import { worstStatus } from '@apigw-logging/plugin-api-gateway-logging-common';
import { auditedLogGroups, isLookupError } from './support/logGroups';

/**
 * The log groups exist and keep logs at least the policy's days; never
 * expire passes (AWS Config cw-loggroup-retention-period-check, Checkov
 * CKV_AWS_338).
 */
export function checkLogRetention(
  input: AuditInput,
  policy: LoggingPolicy,
): CheckOutcome {
  const groups = auditedLogGroups(input);
  const minimum = policy.minimumRetentionDays;
  if (groups.length === 0) {
    return checkOutcome(
      'not-applicable',
      'The stage writes no logs to CloudWatch Logs.',
      {
        minimumRetentionDays: minimum,
      },
    );
  }
  const statuses: CheckStatus[] = [];
  const findings: string[] = [];
  const evidence: Record<string, EvidenceValue> = {};
  const short: string[] = [];
  for (const { kind, lookup } of groups) {
    if (isLookupError(lookup)) {
      statuses.push('error');
      findings.push(lookup.error);
      evidence[lookup.name] = { kind, error: lookup.error };
      continue;
    }
    evidence[lookup.name] = {
      kind,
      exists: lookup.exists,
      retentionInDays: lookup.retentionInDays ?? 'never expire',
    };
    if (!lookup.exists) {
      // API Gateway creates the execution group at the first logged
      // request; an access log group must exist before logs can arrive.
      statuses.push(kind === 'access' ? 'fail' : 'warn');
      findings.push(
        kind === 'access'
          ? `the access log group ${lookup.name} does not exist, so access logs are lost`
          : `the execution log group ${lookup.name} does not exist yet (API Gateway creates it at the first logged request, if the account's CloudWatch role is set)`,
      );
    } else if (
      lookup.retentionInDays !== undefined &&
      lookup.retentionInDays < minimum
    ) {
      statuses.push('fail');
      short.push(lookup.name);
      findings.push(
        `${lookup.name} keeps logs ${lookup.retentionInDays} days, less than ${minimum}`,
      );
    } else {
      statuses.push('pass');
    }
  }
  const status = worstStatus(statuses);
  evidence.minimumRetentionDays = minimum;
  if (status === 'pass') {
    return checkOutcome(
      'pass',
      `Every log group keeps logs at least ${minimum} days.`,
      evidence,
    );
  }
  const missing = groups
    .filter(g => !isLookupError(g.lookup) && !g.lookup.exists)
    .map(g => g.lookup.name);
  return checkOutcome(
    status,
    `${findings.join('; ')}.`.replace(/^./, c => c.toUpperCase()),
    evidence,
    {
      summary: `Create the missing log groups and keep logs at least ${minimum} days.`,
      cli: [
        ...missing.map(name => logsCommand(input, 'create-log-group', name)),
        ...[...missing, ...short].map(name =>
          logsCommand(
            input,
            'put-retention-policy',
            name,
            '--retention-in-days',
            String(retentionValue(minimum)),
          ),
        ),
      ],
      cloudFormation: 'AWS::Logs::LogGroup RetentionInDays',
      terraform: 'aws_cloudwatch_log_group.retention_in_days',
    },
  );
}

// CloudWatch Logs accepts only these retention periods.
const ALLOWED = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
];

/** The smallest retention CloudWatch Logs accepts that meets the minimum. */
export function retentionValue(minimum: number): number {
  return ALLOWED.find(days => days >= minimum) ?? 3653;
}

/** Log retention: The stage's log groups exist and keep logs at least the policy's days (365 by default; never expire passes), as AWS Config cw-loggroup-retention-period-check. */
export const logRetentionCheck: AuditCheck = {
  id: 'log-retention',
  title: 'Log retention',
  severity: 'medium',
  description:
    "The stage's log groups exist and keep logs at least the policy's days (365 by default; never expire passes), as AWS Config cw-loggroup-retention-period-check.",
  reads: ['stage', 'log-groups'],
  evaluate: checkLogRetention,
};
