import {
  AwsTarget,
  LogGroupInfo,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { Listing } from '../apiGateway/types';

/** Reads CloudWatch Logs groups (retention, KMS key, size) in one account and region. */
export interface LogGroupReader {
  /**
   * `DescribeLogGroups` with `logGroupNamePrefix` (every group for `''`),
   * every page up to `maxPages` (default 10): one call covers every
   * stage's execution log group of an API.
   */
  listByPrefix(
    target: AwsTarget,
    prefix: string,
    maxPages?: number,
  ): Promise<Listing<LogGroupInfo>>;
}
