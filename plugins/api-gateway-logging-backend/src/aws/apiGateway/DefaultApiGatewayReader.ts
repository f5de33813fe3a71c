import {
  APIGatewayClient,
  GetAccountCommand,
  GetRestApisCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApiCommand,
  GetApisCommand,
  GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  AccountSettings,
  AwsAccessService,
  AwsTarget,
  StageConfig,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { send } from '../send';
import { ApiGatewayReader, ApiInfo, Listing } from './types';
import { normalizeRestStage, normalizeV2Stage } from './normalize';

// A bound on listings, so a runaway paginator cannot spend the quota; a
// listing cut there says so (`complete: false`).
const MAX_PAGES = 100;

const op = (name: string, resource: string) => ({
  name,
  service: 'apigateway',
  action: 'apigateway:GET',
  resource,
});

function v2Info(api: {
  ApiId?: string;
  ProtocolType?: string;
  Name?: string;
  Tags?: Record<string, string>;
}): ApiInfo {
  return {
    apiId: api.ApiId ?? '',
    apiType: api.ProtocolType === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP',
    ...(api.Name ? { name: api.Name } : {}),
    tags: api.Tags ?? {},
  };
}

/** {@link ApiGatewayReader} over the AWS SDK, through the shared AWS access. */
export class DefaultApiGatewayReader implements ApiGatewayReader {
  constructor(private readonly aws: AwsAccessService) {}

  async getAccountSettings(target: AwsTarget): Promise<AccountSettings> {
    const account = await send(
      this.aws,
      target,
      APIGatewayClient,
      op('GetAccount', '/account'),
      (client, abortSignal) =>
        client.send(new GetAccountCommand({}), { abortSignal }),
    );
    return account.cloudwatchRoleArn
      ? { cloudwatchRoleArn: account.cloudwatchRoleArn }
      : {};
  }

  async getRestStages(
    target: AwsTarget,
    apiId: string,
  ): Promise<StageConfig[]> {
    const response = await send(
      this.aws,
      target,
      APIGatewayClient,
      op('GetStages', `/restapis/${apiId}/stages`),
      (client, abortSignal) =>
        client.send(new GetStagesCommand({ restApiId: apiId }), {
          abortSignal,
        }),
    );
    return (response.item ?? []).map(stage => normalizeRestStage(apiId, stage));
  }

  async getV2Api(target: AwsTarget, apiId: string): Promise<ApiInfo> {
    const api = await send(
      this.aws,
      target,
      ApiGatewayV2Client,
      op('GetApi', `/apis/${apiId}`),
      (client, abortSignal) =>
        client.send(new GetApiCommand({ ApiId: apiId }), { abortSignal }),
    );
    return v2Info({ ...api, ApiId: api.ApiId ?? apiId });
  }

  async getV2Stages(target: AwsTarget, api: ApiInfo): Promise<StageConfig[]> {
    const stages: StageConfig[] = [];
    await this.paginate(
      token =>
        send(
          this.aws,
          target,
          ApiGatewayV2Client,
          op('GetStages (v2)', `/apis/${api.apiId}/stages`),
          (client, abortSignal) =>
            client.send(
              new GetV2StagesCommand({ ApiId: api.apiId, NextToken: token }),
              { abortSignal },
            ),
        ),
      response => {
        stages.push(
          ...(response.Items ?? []).map(s => normalizeV2Stage(api, s)),
        );
        return response.NextToken;
      },
    );
    return stages;
  }

  async listRestApis(target: AwsTarget): Promise<Listing<ApiInfo>> {
    const items: ApiInfo[] = [];
    const complete = await this.paginate(
      position =>
        send(
          this.aws,
          target,
          APIGatewayClient,
          op('GetRestApis', '/restapis'),
          (client, abortSignal) =>
            client.send(new GetRestApisCommand({ limit: 500, position }), {
              abortSignal,
            }),
        ),
      response => {
        for (const api of response.items ?? []) {
          if (!api.id) continue;
          items.push({
            apiId: api.id,
            apiType: 'REST',
            ...(api.name ? { name: api.name } : {}),
            tags: api.tags ?? {},
          });
        }
        return response.position;
      },
    );
    return { items, complete };
  }

  async listV2Apis(target: AwsTarget): Promise<Listing<ApiInfo>> {
    const items: ApiInfo[] = [];
    const complete = await this.paginate(
      token =>
        send(
          this.aws,
          target,
          ApiGatewayV2Client,
          op('GetApis', '/apis'),
          (client, abortSignal) =>
            client.send(new GetApisCommand({ NextToken: token }), {
              abortSignal,
            }),
        ),
      response => {
        for (const api of response.Items ?? []) {
          if (api.ApiId) items.push(v2Info(api));
        }
        return response.NextToken;
      },
    );
    return { items, complete };
  }

  /** Follows page tokens up to the cap; true when the listing ended. */
  private async paginate<R>(
    fetchPage: (token: string | undefined) => Promise<R>,
    take: (page: R) => string | undefined,
  ): Promise<boolean> {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      token = take(await fetchPage(token));
      if (!token) return true;
    }
    return false;
  }
}
