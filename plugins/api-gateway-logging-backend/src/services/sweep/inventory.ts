import { StageRef } from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AccountSettings,
  AwsTarget,
  LogGroupInfo,
  ReadFailure,
  StageConfig,
  partitionOf,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { ApiGatewayReader, ApiInfo } from '../../aws/apiGateway/types';
import { LogGroupReader } from '../../aws/logGroups/types';
import { messageOf } from '../audit/readProblem';

/** One stage found in an account and region, with its API. */
export interface FoundStage {
  ref: StageRef;
  api: ApiInfo;
  config: StageConfig;
  /** The stage's tags over its API's: what tag queries match. */
  tags: Record<string, string>;
}

/** What a sweep found in one account and region. */
export interface TargetInventory {
  target: AwsTarget;
  stages: FoundStage[];
  account: AccountSettings | ReadFailure;
  /** Every log group of the region, by name; undefined when it could not be listed whole. */
  logGroups?: Map<string, LogGroupInfo>;
  /** False when a listing failed or stopped at its cap: stages may be missing. */
  complete: boolean;
  errors: string[];
}

function stageRef(
  target: AwsTarget,
  api: ApiInfo,
  stageName: string,
): StageRef {
  const partition = partitionOf(target.region);
  const collection = api.apiType === 'REST' ? 'restapis' : 'apis';
  return {
    arn: `arn:${partition}:apigateway:${target.region}::/${collection}/${api.apiId}/stages/${stageName}`,
    partition,
    region: target.region,
    ...(target.accountId ? { accountId: target.accountId } : {}),
    apiId: api.apiId,
    apiFamily: api.apiType === 'REST' ? 'v1' : 'v2',
    stageName,
  };
}

/**
 * Everything a sweep needs of one account and region, in as few calls as
 * the APIs allow: the REST and v2 API listings, one GetStages per API, one
 * GetAccount, and every log group of the region in pages of 50 (one
 * listing instead of a DescribeLogGroups per stage). Calls go through the
 * shared rate limiter, so they are all issued at once and paced there.
 */
export async function readInventory(
  target: AwsTarget,
  readers: { apiGateway: ApiGatewayReader; logGroups: LogGroupReader },
  maxLogGroupPages: number,
): Promise<TargetInventory> {
  const errors: string[] = [];
  let complete = true;
  const [rest, v2, account, logGroups] = await Promise.all([
    readers.apiGateway.listRestApis(target).catch(e => {
      errors.push(messageOf(e));
      return undefined;
    }),
    readers.apiGateway.listV2Apis(target).catch(e => {
      errors.push(messageOf(e));
      return undefined;
    }),
    readers.apiGateway
      .getAccountSettings(target)
      .catch((e): ReadFailure => ({ error: messageOf(e) })),
    readers.logGroups.listByPrefix(target, '', maxLogGroupPages).catch(e => {
      errors.push(messageOf(e));
      return undefined;
    }),
  ]);
  if (!rest || !v2 || !rest.complete || !v2.complete) complete = false;
  const apis = [...(rest?.items ?? []), ...(v2?.items ?? [])];
  const perApi = await Promise.all(
    apis.map(async api => {
      try {
        const configs =
          api.apiType === 'REST'
            ? await readers.apiGateway.getRestStages(target, api.apiId)
            : await readers.apiGateway.getV2Stages(target, api);
        return configs.map(config => ({
          ref: stageRef(target, api, config.stageName),
          api,
          config: { ...config, ...(api.name ? { apiName: api.name } : {}) },
          tags: { ...api.tags, ...config.tags },
        }));
      } catch (error) {
        errors.push(messageOf(error));
        complete = false;
        return [];
      }
    }),
  );
  return {
    target,
    stages: perApi.flat(),
    account,
    ...(logGroups?.complete
      ? { logGroups: new Map(logGroups.items.map(g => [g.name, g])) }
      : {}),
    complete,
    errors,
  };
}
