/** An AWS account (undefined: the default account) and region. */
export interface AwsTarget {
  accountId?: string;
  region: string;
}

/** Cache and rate-limit key of a target. */
export function targetKey(target: AwsTarget): string {
  return `${target.accountId ?? 'default'}:${target.region}`;
}

/** Human description of a target, for messages. */
export function describeTarget(target: AwsTarget): string {
  return `${
    target.accountId ? `account ${target.accountId}` : 'the default account'
  }, ${target.region}`;
}

/** The partition of a region (ARNs in remediation and IAM hints). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/**
 * What one AWS call reads, for rate limiting and for the IAM action and
 * resource named when AWS refuses it.
 */
export interface AwsOperation {
  /** The SDK command, e.g. `GetStages`: counted in statistics. */
  name: string;
  /** The rate-limit family: API Gateway's control plane or CloudWatch Logs. */
  service: 'apigateway' | 'logs';
  /** The IAM action, e.g. `apigateway:GET`. */
  action: string;
  /** The API Gateway path (`/account`) or the log group name prefix. */
  resource: string;
}
