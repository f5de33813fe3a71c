import {
  AuditCheckResult,
  CheckStatus,
  EvidenceValue,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { AuditInput } from '../types';
import { accountOf, logsCommand } from '../remediation';
import { result, worst } from '../result';
import { auditedLogGroups, isLookupError } from './logGroups';

const ID = 'log-encryption';

/**
 * The log groups are encrypted with a KMS key (Checkov CKV_AWS_158): logs
 * hold request data. A warning unless the policy requires it.
 */
export function checkLogEncryption(
  input: AuditInput,
  policy: AuditPolicy,
): AuditCheckResult {
  const groups = auditedLogGroups(input).filter(
    g => isLookupError(g.lookup) || g.lookup.exists,
  );
  if (groups.length === 0) {
    return result(
      ID,
      'medium',
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
  const status = worst(statuses);
  if (status === 'pass') {
    return result(
      ID,
      'medium',
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
  return result(
    ID,
    status === 'warn' ? 'low' : 'medium',
    status,
    `${parts.join('; ')}.`,
    evidence,
    {
      summary:
        'Associate a customer managed KMS key with each log group (its key policy must allow the logs service of the region).',
      cli: plain.map(name =>
        logsCommand(input, 'associate-kms-key', name, '--kms-key-id', key),
      ),
      cloudFormation: 'AWS::Logs::LogGroup KmsKeyId',
      terraform: 'aws_cloudwatch_log_group.kms_key_id',
    },
  );
}
