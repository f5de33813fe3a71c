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
import { accountOf, logsCommand } from './support/remediation';
import { worstStatus } from '@apigw-logging/plugin-api-gateway-logging-common';
import { auditedLogGroups, isLookupError } from './support/logGroups';

/**
 * The log groups are encrypted with a KMS key (Checkov CKV_AWS_158): logs
 * hold request data. A warning unless the policy requires it.
 */
export function checkLogEncryption(
  input: AuditInput,
  policy: LoggingPolicy,
): CheckOutcome {
  const groups = auditedLogGroups(input).filter(
    g => isLookupError(g.lookup) || g.lookup.exists,
  );
  if (groups.length === 0) {
    return checkOutcome(
      'not-applicable',
      'No log group of this stage exists yet.',
      {},
    );
  }
  const statuses: CheckStatus[] = [];
  const evidence: Record<string, EvidenceValue> = {};
  const errors: string[] = [];
  const plain: string[] = [];
  for (const { kind, lookup } of groups) {
    if (isLookupError(lookup)) {
      statuses.push('error');
      errors.push(lookup.error);
      evidence[lookup.name] = { kind, error: lookup.error };
      continue;
    }
    evidence[lookup.name] = { kind, kmsKeyId: lookup.kmsKeyId ?? null };
    if (lookup.kmsKeyId) {
      statuses.push('pass');
    } else {
      statuses.push(policy.requireKmsEncryption ? 'fail' : 'warn');
      plain.push(lookup.name);
    }
  }
  const status = worstStatus(statuses);
  if (status === 'pass') {
    return checkOutcome(
      'pass',
      'Every log group is encrypted with a KMS key.',
      evidence,
    );
  }
  const { partition, region } = input.location;
  const key = `arn:${partition}:kms:${region}:${accountOf(input)}:key/<key-id>`;
  const parts = [
    ...(plain.length
      ? [
          `${plain.join(' and ')} ${
            plain.length > 1 ? 'are' : 'is'
          } not encrypted with a KMS key`,
        ]
      : []),
    ...errors,
  ];
  return {
    ...checkOutcome(status, `${parts.join('; ')}.`, evidence, {
      summary:
        'Associate a customer managed KMS key with each log group (its key policy must allow the logs service of the region).',
      cli: plain.map(name =>
        logsCommand(input, 'associate-kms-key', name, '--kms-key-id', key),
      ),
      cloudFormation: 'AWS::Logs::LogGroup KmsKeyId',
      terraform: 'aws_cloudwatch_log_group.kms_key_id',
    }),
    severity: status === 'warn' ? 'low' : 'medium',
  };
}

/** Log encryption (KMS): The stage's log groups are encrypted with a KMS key (Checkov CKV_AWS_158); a warning unless the policy requires it. */
export const logEncryptionCheck: AuditCheck = {
  id: 'log-encryption',
  title: 'Log encryption (KMS)',
  severity: 'medium',
  description:
    "The stage's log groups are encrypted with a KMS key (Checkov CKV_AWS_158); a warning unless the policy requires it.",
  reads: ['stage', 'log-groups'],
  evaluate: checkLogEncryption,
};
