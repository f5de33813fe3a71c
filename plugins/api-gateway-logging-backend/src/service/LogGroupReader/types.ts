import { LogGroupInfo } from '../../audit/types';
import { AwsTarget } from '../aws/types';

/** Reads CloudWatch Logs groups (retention, KMS key) in one account and region. */
export interface LogGroupReader {
  /**
   * `DescribeLogGroups` with `logGroupNamePrefix`, every page: one call
   * covers every stage's execution log group of an API.
   */
  listByPrefix(target: AwsTarget, prefix: string): Promise<LogGroupInfo[]>;
}
