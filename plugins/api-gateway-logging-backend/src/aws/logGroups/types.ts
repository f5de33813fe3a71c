import {
  AwsTarget,
  LogGroupInfo,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { Listing } from '../apiGateway/types';

/** Reads CloudWatch Logs groups (retention, KMS key, size) in one account and region. */
export interface LogGroupReader {
  /**
   * `DescribeLogGroups` with `logGroupNamePrefix`, every page up to a cap:
   * one call covers every stage's execution log group of an API.
   */
  listByPrefix(
    target: AwsTarget,
    prefix: string,
  ): Promise<Listing<LogGroupInfo>>;
}
