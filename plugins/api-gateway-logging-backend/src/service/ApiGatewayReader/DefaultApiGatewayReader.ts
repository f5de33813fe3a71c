import {
  GetAccountCommand,
  GetRestApisCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import {
  GetApisCommand,
  GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { AccountSettings, StageConfig } from '../../audit/types';
import { AwsCaller } from '../aws/AwsCaller';
import { AwsClientSource } from '../aws/AwsClients';
import { AwsTarget } from '../aws/types';
import { ApiGatewayReader, ApiInfo } from './types';
import { normalizeRestStage, normalizeV2Stage } from './normalize';

// A bound on listings, so a runaway paginator cannot spend the quota.
const MAX_PAGES = 100;

/** {@link ApiGatewayReader} over the AWS SDK, through {@link AwsCaller}. */
export class DefaultApiGatewayReader implements ApiGatewayReader {
  constructor(
    private readonly clients: AwsClientSource,
    private readonly caller: AwsCaller,
  ) {}

  async getAccountSettings(target: AwsTarget): Promise<AccountSettings> {
    const account = await this.caller.call(
      target,
      {
        name: 'GetAccount',
        service: 'apigateway',
        action: 'apigateway:GET',
        resource: '/account',
      },
      async abortSignal =>
        (
          await this.clients.apiGateway(target)
        ).send(new GetAccountCommand({}), {
          abortSignal,
        }),
    );
    return account.cloudwatchRoleArn
      ? { cloudwatchRoleArn: account.cloudwatchRoleArn }
      : {};
  }

  async getRestStages(
    target: AwsTarget,
    apiId: string,
  ): Promise<StageConfig[]> {
    const response = await this.caller.call(
      target,
      {
        name: 'GetStages',
        service: 'apigateway',
        action: 'apigateway:GET',
        resource: `/restapis/${apiId}/stages`,
      },
      async abortSignal =>
        (
          await this.clients.apiGateway(target)
        ).send(new GetStagesCommand({ restApiId: apiId }), { abortSignal }),
    );
    return (response.item ?? []).map(stage => normalizeRestStage(apiId, stage));
  }

  async getV2Stages(target: AwsTarget, api: ApiInfo): Promise<StageConfig[]> {
    const stages: StageConfig[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const token = nextToken;
      const response = await this.caller.call(
        target,
        {
          name: 'GetStages (v2)',
          service: 'apigateway',
          action: 'apigateway:GET',
          resource: `/apis/${api.apiId}/stages`,
        },
        async abortSignal =>
          (
            await this.clients.apiGatewayV2(target)
          ).send(
            new GetV2StagesCommand({ ApiId: api.apiId, NextToken: token }),
            { abortSignal },
          ),
      );
      stages.push(...(response.Items ?? []).map(s => normalizeV2Stage(api, s)));
      nextToken = response.NextToken;
      if (!nextToken) break;
    }
    return stages;
  }

  async listRestApis(target: AwsTarget): Promise<ApiInfo[]> {
    const apis: ApiInfo[] = [];
    let position: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const from = position;
      const response = await this.caller.call(
        target,
        {
          name: 'GetRestApis',
          service: 'apigateway',
          action: 'apigateway:GET',
          resource: '/restapis',
        },
        async abortSignal =>
          (
            await this.clients.apiGateway(target)
          ).send(new GetRestApisCommand({ limit: 500, position: from }), {
            abortSignal,
          }),
      );
      for (const api of response.items ?? []) {
        if (!api.id) continue;
        apis.push({
          apiId: api.id,
          apiType: 'REST',
          ...(api.name ? { name: api.name } : {}),
          tags: api.tags ?? {},
        });
      }
      position = response.position;
      if (!position) break;
    }
    return apis;
  }

  async listV2Apis(target: AwsTarget): Promise<ApiInfo[]> {
    const apis: ApiInfo[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const token = nextToken;
      const response = await this.caller.call(
        target,
        {
          name: 'GetApis',
          service: 'apigateway',
          action: 'apigateway:GET',
          resource: '/apis',
        },
        async abortSignal =>
          (
            await this.clients.apiGatewayV2(target)
          ).send(new GetApisCommand({ NextToken: token }), { abortSignal }),
      );
      for (const api of response.Items ?? []) {
        if (!api.ApiId) continue;
        apis.push({
          apiId: api.ApiId,
          apiType: api.ProtocolType === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP',
          ...(api.Name ? { name: api.Name } : {}),
          tags: api.Tags ?? {},
        });
      }
      nextToken = response.NextToken;
      if (!nextToken) break;
    }
    return apis;
  }
}
