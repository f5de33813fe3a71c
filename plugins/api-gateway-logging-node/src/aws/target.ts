/**
 * An AWS account and region: where a call goes.
 *
 * @public
 */
export interface AwsTarget {
  /** 12-digit account id; undefined: the default account of the `aws` config. */
  accountId?: string;
  region: string;
}

/** Cache and rate-limit key of a target. @public */
export function targetKey(target: AwsTarget): string {
  return `${target.accountId ?? 'default'}:${target.region}`;
}

/** A target as a person reads it, for messages. @public */
export function describeTarget(target: AwsTarget): string {
  return `${
    target.accountId ? `account ${target.accountId}` : 'the default account'
  }, ${target.region}`;
}

/** The AWS partition of a region: ARNs, IAM hints and console links differ. @public */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/**
 * What one AWS call reads: the rate-limit family it counts against, and the
 * IAM action and resource a refusal names.
 *
 * @public
 */
export interface AwsOperation {
  /** The SDK command, e.g. `GetStages`: counted in statistics. */
  name: string;
  /**
   * The quota family: `apigateway` (control plane, 10 req/s per account and
   * region), `logs` (CloudWatch Logs), or another service's name.
   */
  service: string;
  /** The IAM action, e.g. `apigateway:GET`, `logs:FilterLogEvents`. */
  action: string;
  /** What is read: an API Gateway path (`/account`), a log group name, ... */
  resource: string;
}
