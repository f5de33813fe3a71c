import {
  APIGatewayClient,
  CreateRestApiCommand,
  CreateStageCommand,
  UpdateAccountCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateStageCommand as CreateV2StageCommand,
  CreateStageRequest as V2StageRequest,
} from '@aws-sdk/client-apigatewayv2';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { MOTO_CREDENTIALS } from './moto';

/** Options of one REST stage. */
export interface RestStageSeed {
  tags?: Record<string, string>;
  tracingEnabled?: boolean;
  /** UpdateStage replace operations, e.g. `/*` + `/*` + `/logging/loglevel`. */
  patch?: Array<{ path: string; value: string }>;
}

/**
 * Creates API Gateway and CloudWatch Logs resources in moto, in one account
 * (by its credentials) and region: the estates the tests and the bench audit.
 */
export class MotoSeeder {
  private readonly apiGateway: APIGatewayClient;
  private readonly apiGatewayV2: ApiGatewayV2Client;
  private readonly logs: CloudWatchLogsClient;

  constructor(
    endpoint: string,
    readonly region: string,
    credentials = MOTO_CREDENTIALS,
  ) {
    const config = { endpoint, region, credentials };
    this.apiGateway = new APIGatewayClient(config);
    this.apiGatewayV2 = new ApiGatewayV2Client(config);
    this.logs = new CloudWatchLogsClient(config);
  }

  async restApi(name: string, tags?: Record<string, string>): Promise<string> {
    const api = await this.apiGateway.send(
      new CreateRestApiCommand({ name, tags }),
    );
    return api.id!;
  }

  async restStage(apiId: string, stageName: string, seed: RestStageSeed = {}) {
    await this.apiGateway.send(
      new CreateStageCommand({
        restApiId: apiId,
        stageName,
        // moto does not check the deployment; real AWS would need one.
        deploymentId: 'seeded',
        tags: seed.tags,
        tracingEnabled: seed.tracingEnabled,
      }),
    );
    if (seed.patch?.length) {
      await this.apiGateway.send(
        new UpdateStageCommand({
          restApiId: apiId,
          stageName,
          patchOperations: seed.patch.map(p => ({ op: 'replace', ...p })),
        }),
      );
    }
  }

  async v2Api(
    name: string,
    protocolType: 'HTTP' | 'WEBSOCKET',
    tags?: Record<string, string>,
  ): Promise<string> {
    const api = await this.apiGatewayV2.send(
      new CreateApiCommand({
        Name: name,
        ProtocolType: protocolType,
        Tags: tags,
        ...(protocolType === 'WEBSOCKET'
          ? { RouteSelectionExpression: '$request.body.action' }
          : {}),
      }),
    );
    return api.ApiId!;
  }

  async v2Stage(apiId: string, stage: Omit<V2StageRequest, 'ApiId'>) {
    await this.apiGatewayV2.send(
      new CreateV2StageCommand({ ApiId: apiId, ...stage }),
    );
  }

  /** Sets (or, with undefined, leaves unset) the region's CloudWatch role. */
  async cloudwatchRole(roleArn: string) {
    await this.apiGateway.send(
      new UpdateAccountCommand({
        patchOperations: [
          { op: 'replace', path: '/cloudwatchRoleArn', value: roleArn },
        ],
      }),
    );
  }

  async logGroup(
    name: string,
    options: { retentionInDays?: number; kmsKeyId?: string } = {},
  ) {
    await this.logs.send(
      new CreateLogGroupCommand({
        logGroupName: name,
        kmsKeyId: options.kmsKeyId,
      }),
    );
    if (options.retentionInDays) {
      await this.logs.send(
        new PutRetentionPolicyCommand({
          logGroupName: name,
          retentionInDays: options.retentionInDays,
        }),
      );
    }
  }

  /** The ARN of a log group of this seeder's region. */
  logGroupArn(accountId: string, name: string): string {
    return `arn:aws:logs:${this.region}:${accountId}:log-group:${name}`;
  }
}
