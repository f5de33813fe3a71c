import {
  DiscoveryError,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AwsReadError,
  AwsTarget,
  StageConfig,
  describeTarget,
  partitionOf,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { DiscoveryTarget } from '../../config/readConfig';
import { ApiGatewayReader, ApiInfo } from '../../aws/apiGateway/types';

/** Stages that carry the tags, and the places that could not be searched. */
export interface DiscoveryResult {
  stages: StageRef[];
  errors: DiscoveryError[];
}

function matches(tags: Record<string, string>, query: Record<string, string>) {
  return Object.entries(query).every(([k, v]) => tags[k] === v);
}

function stageRef(
  target: AwsTarget,
  api: ApiInfo,
  stage: StageConfig,
): StageRef {
  const partition = partitionOf(target.region);
  const collection = api.apiType === 'REST' ? 'restapis' : 'apis';
  return {
    arn: `arn:${partition}:apigateway:${target.region}::/${collection}/${api.apiId}/stages/${stage.stageName}`,
    partition,
    region: target.region,
    ...(target.accountId ? { accountId: target.accountId } : {}),
    apiId: api.apiId,
    apiFamily: api.apiType === 'REST' ? 'v1' : 'v2',
    stageName: stage.stageName,
  };
}

/**
 * Resolves a tag query by listing the APIs of each configured account and
 * region and reading their stages (one GetStages per API, which the audit
 * then reuses from the cache). A stage matches when its tags, over its API's
 * tags, hold every key=value of the query. This needs only apigateway:GET
 * (no Resource Groups Tagging API), and moto supports it.
 */
export class TagDiscovery {
  constructor(
    private readonly apiGateway: ApiGatewayReader,
    private readonly targets: DiscoveryTarget[],
  ) {}

  async discover(
    query: Record<string, string>,
    accountId?: string,
  ): Promise<DiscoveryResult> {
    const targets = this.targets
      .filter(t => !accountId || t.accountId === accountId)
      .flatMap(t =>
        t.regions.map(region => ({ accountId: t.accountId, region })),
      );
    if (targets.length === 0) {
      return {
        stages: [],
        errors: [
          {
            ...(accountId ? { accountId } : {}),
            region: '*',
            message: `No account and region to search: list ${
              accountId ? `account ${accountId}` : 'accounts'
            } and regions under apiGatewayLogging.discovery in app-config for tag queries to find stages.`,
          },
        ],
      };
    }
    const results = await Promise.all(
      targets.map(t => this.searchTarget(t, query)),
    );
    return {
      stages: results.flatMap(r => r.stages),
      errors: results.flatMap(r => r.errors),
    };
  }

  private async searchTarget(
    target: AwsTarget,
    query: Record<string, string>,
  ): Promise<DiscoveryResult> {
    const where = {
      ...(target.accountId ? { accountId: target.accountId } : {}),
      region: target.region,
    };
    let apis: ApiInfo[];
    const listingErrors: DiscoveryError[] = [];
    try {
      const [rest, v2] = await Promise.all([
        this.apiGateway.listRestApis(target),
        this.apiGateway.listV2Apis(target),
      ]);
      apis = [...rest.items, ...v2.items];
      if (!rest.complete || !v2.complete) {
        listingErrors.push({
          ...where,
          message: `Listing the APIs of ${describeTarget(
            target,
          )} stopped at its page cap: stages of APIs beyond it were not searched.`,
        });
      }
    } catch (error) {
      return { stages: [], errors: [{ ...where, message: messageOf(error) }] };
    }
    const perApi = await Promise.all(
      apis.map(async (api): Promise<DiscoveryResult> => {
        try {
          const stages =
            api.apiType === 'REST'
              ? await this.apiGateway.getRestStages(target, api.apiId)
              : await this.apiGateway.getV2Stages(target, api);
          return {
            stages: stages
              .filter(s => matches({ ...api.tags, ...s.tags }, query))
              .map(s => stageRef(target, api, s)),
            errors: [],
          };
        } catch (error) {
          return {
            stages: [],
            errors: [{ ...where, message: messageOf(error) }],
          };
        }
      }),
    );
    return {
      stages: perApi.flatMap(r => r.stages),
      errors: [...listingErrors, ...perApi.flatMap(r => r.errors)],
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof AwsReadError
    ? error.message
    : `Unexpected failure searching AWS: ${String(
        (error as Error)?.message ?? error,
      )}`;
}
