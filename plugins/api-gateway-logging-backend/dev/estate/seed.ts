import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateResourceCommand,
  CreateStageCommand,
  GetResourcesCommand,
  PatchOperation,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateAccountCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateStageCommand as CreateV2StageCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutSubscriptionFilterCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CloudWatchClient,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { motoAccountCredentials } from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { accessLogFormatString } from './accessLog';
import {
  CLOUDWATCH_ROLE_REGIONS,
  ESTATE,
  EstateApi,
  EstateStage,
  MAIN_ACCOUNT,
  accessLogGroupName,
  executionLogGroupName,
} from './estate';
import { TrafficEvent, generateStageTraffic } from './traffic';

const DAY_MS = 86_400_000;

/*
 * Seeds the local AWS estate into an AWS-compatible emulator (moto) through
 * the same SDK clients the plugin uses. Accounts other than the emulator's
 * default are reached by assuming a role, as the plugin does.
 */

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const STATIC = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The central log store subscription filters ship to: a Kinesis stream in
 * each account and region, as a SIEM's ingestion often is. moto needs the
 * destination to exist, and forwards every shipped event to it.
 */
export const CENTRAL_STREAM = 'central-siem';

export class EstateSeeder {
  private readonly credentials = new Map<string, Promise<Credentials>>();

  constructor(private readonly endpoint: string) {}

  private accountCredentials(accountId: string): Promise<Credentials> {
    if (accountId === MAIN_ACCOUNT) return Promise.resolve(STATIC);
    let creds = this.credentials.get(accountId);
    if (!creds) {
      // The emulator maps the keys of an assumed role to the role's account.
      creds = motoAccountCredentials(this.endpoint, accountId);
      this.credentials.set(accountId, creds);
    }
    return creds;
  }

  /** The SDK clients of one account and region of the emulator. */
  async clients(accountId: string, region: string) {
    const config = {
      endpoint: this.endpoint,
      region,
      credentials: await this.accountCredentials(accountId),
    };
    return {
      v1: new APIGatewayClient(config),
      v2: new ApiGatewayV2Client(config),
      logs: new CloudWatchLogsClient(config),
      metrics: new CloudWatchClient(config),
    };
  }

  /** Creates every API, stage, account setting and log group; returns the v2 ids. */
  async seedConfiguration(): Promise<Record<string, string>> {
    for (const [accountId, regions] of Object.entries(
      CLOUDWATCH_ROLE_REGIONS,
    )) {
      for (const region of regions) {
        const { v1 } = await this.clients(accountId, region);
        await v1.send(
          new UpdateAccountCommand({
            patchOperations: [
              {
                op: 'replace',
                path: '/cloudwatchRoleArn',
                value: `arn:aws:iam::${accountId}:role/APIGatewayPushToCloudWatchLogs`,
              },
            ],
          }),
        );
      }
    }
    const ids: Record<string, string> = {};
    for (const api of ESTATE) {
      ids[api.name] =
        api.type === 'REST'
          ? await this.seedRestApi(api)
          : await this.seedV2Api(api);
    }
    return ids;
  }

  private async seedRestApi(api: EstateApi): Promise<string> {
    const { v1 } = await this.clients(api.accountId, api.region);
    const created = await v1.send(
      new CreateRestApiCommand({
        name: api.name,
        tags: { _custom_id_: api.id },
      }),
    );
    if (created.id !== api.id)
      throw new Error(
        `The emulator gave REST API ${api.name} the id ${created.id}, not ${api.id}`,
      );
    await this.seedMethods(v1, api);
    for (const stage of api.stages) {
      const deployment = await v1.send(
        new CreateDeploymentCommand({ restApiId: api.id }),
      );
      await v1.send(
        new CreateStageCommand({
          restApiId: api.id,
          stageName: stage.name,
          deploymentId: deployment.id!,
          tracingEnabled: stage.xray ?? false,
          tags: stage.tags,
        }),
      );
      const ops: PatchOperation[] = [
        {
          op: 'replace',
          path: '/*/*/logging/loglevel',
          value: stage.loggingLevel ?? 'OFF',
        },
        {
          op: 'replace',
          path: '/*/*/logging/dataTrace',
          value: String(stage.dataTrace ?? false),
        },
        {
          op: 'replace',
          path: '/*/*/metrics/enabled',
          value: String(stage.metrics ?? false),
        },
        ...Object.entries(stage.methodOverrides ?? {}).map(([key, level]) => ({
          op: 'replace' as const,
          path: `/${key}/logging/loglevel`,
          value: level,
        })),
      ];
      if (stage.accessLog) {
        ops.push(
          {
            op: 'replace',
            path: '/accessLogSettings/destinationArn',
            value: this.logGroupArn(api, accessLogGroupName(api, stage.name)),
          },
          {
            op: 'replace',
            path: '/accessLogSettings/format',
            value: accessLogFormatString(api, stage.accessLog),
          },
        );
      }
      await v1.send(
        new UpdateStageCommand({
          restApiId: api.id,
          stageName: stage.name,
          patchOperations: ops,
        }),
      );
      await this.seedLogGroups(api, stage);
    }
    return api.id;
  }

  /** Resources and Lambda proxy methods: a deployment needs at least one. */
  private async seedMethods(v1: APIGatewayClient, api: EstateApi) {
    const resources = await v1.send(
      new GetResourcesCommand({ restApiId: api.id }),
    );
    const idByPath = new Map<string, string>(
      resources.items?.map(r => [r.path!, r.id!]),
    );
    for (const method of api.methods) {
      let parentPath = '/';
      for (const part of method.resource.split('/').filter(Boolean)) {
        const path = parentPath === '/' ? `/${part}` : `${parentPath}/${part}`;
        if (!idByPath.has(path)) {
          const r = await v1.send(
            new CreateResourceCommand({
              restApiId: api.id,
              parentId: idByPath.get(parentPath)!,
              pathPart: part,
            }),
          );
          idByPath.set(path, r.id!);
        }
        parentPath = path;
      }
      const resourceId = idByPath.get(method.resource)!;
      await v1.send(
        new PutMethodCommand({
          restApiId: api.id,
          resourceId,
          httpMethod: method.httpMethod,
          authorizationType: 'NONE',
        }),
      );
      await v1.send(
        new PutIntegrationCommand({
          restApiId: api.id,
          resourceId,
          httpMethod: method.httpMethod,
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          uri: `arn:aws:apigateway:${api.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${api.region}:${api.accountId}:function:${api.functionName}/invocations`,
        }),
      );
    }
  }

  private async seedV2Api(api: EstateApi): Promise<string> {
    const { v2 } = await this.clients(api.accountId, api.region);
    // The emulator's v2 ids are random; seeding its generator right before
    // each CreateApi makes them the same on every run.
    await fetch(`${this.endpoint}/moto-api/seed?a=${api.idSeed}`, {
      method: 'POST',
    });
    const created = await v2.send(
      new CreateApiCommand({
        Name: api.name,
        ProtocolType: api.type === 'HTTP' ? 'HTTP' : 'WEBSOCKET',
        ...(api.type === 'WEBSOCKET'
          ? { RouteSelectionExpression: '$request.body.action' }
          : {}),
      }),
    );
    const id = created.ApiId!;
    if (api.id && id !== api.id)
      throw new Error(
        `The emulator gave ${api.name} the id ${id}, not ${api.id}`,
      );
    api.id = id;
    for (const stage of api.stages) {
      await v2.send(
        new CreateV2StageCommand({
          ApiId: id,
          StageName: stage.name,
          Tags: stage.tags,
          DefaultRouteSettings: {
            DetailedMetricsEnabled: stage.metrics ?? false,
            ...(api.type === 'WEBSOCKET'
              ? {
                  LoggingLevel: stage.loggingLevel ?? 'OFF',
                  DataTraceEnabled: stage.dataTrace ?? false,
                }
              : {}),
          },
          ...(stage.accessLog
            ? {
                AccessLogSettings: {
                  DestinationArn: this.logGroupArn(
                    api,
                    accessLogGroupName(api, stage.name),
                  ),
                  Format: accessLogFormatString(api, stage.accessLog),
                },
              }
            : {}),
        }),
      );
      await this.seedLogGroups(api, stage);
    }
    return id;
  }

  private logGroupArn(api: EstateApi, name: string): string {
    return `arn:aws:logs:${api.region}:${api.accountId}:log-group:${name}`;
  }

  private hasCloudWatchRole(api: EstateApi): boolean {
    return (CLOUDWATCH_ROLE_REGIONS[api.accountId] ?? []).includes(api.region);
  }

  /** The log groups API Gateway would have created for the stage. */
  private async seedLogGroups(api: EstateApi, stage: EstateStage) {
    const { logs } = await this.clients(api.accountId, api.region);
    const groups: string[] = [];
    // Without the account's CloudWatch role API Gateway writes nothing (for
    // REST and WebSocket), so it never creates the groups either.
    const logsWritten = api.type === 'HTTP' || this.hasCloudWatchRole(api);
    if (
      api.type !== 'HTTP' &&
      logsWritten &&
      stage.loggingLevel &&
      stage.loggingLevel !== 'OFF'
    ) {
      groups.push(executionLogGroupName(api.id, stage.name));
    }
    if (stage.accessLog && logsWritten)
      groups.push(accessLogGroupName(api, stage.name));
    for (const name of groups) {
      try {
        await logs.send(
          new CreateLogGroupCommand({
            logGroupName: name,
            ...(stage.kms
              ? {
                  kmsKeyId: `arn:aws:kms:${api.region}:${
                    api.accountId
                  }:key/0b5e2f7a-0c2d-4c8e-9d41-${api.id
                    .padEnd(12, '0')
                    .slice(0, 12)}`,
                }
              : {}),
          }),
        );
      } catch (error) {
        if (!(error instanceof ResourceAlreadyExistsException)) throw error;
      }
      if (stage.retentionDays) {
        await logs.send(
          new PutRetentionPolicyCommand({
            logGroupName: name,
            retentionInDays: stage.retentionDays,
          }),
        );
      }
      if (stage.shipped) await this.ship(logs, api, name);
      await this.putIncomingBytes(api, stage, name);
    }
  }

  /**
   * A week of the group's `IncomingBytes`, from the stage's traffic and
   * what each request writes, so that the log-volume card shows an intake
   * and a cost (CloudWatch publishes this metric for every group).
   */
  private async putIncomingBytes(
    api: EstateApi,
    stage: EstateStage,
    name: string,
  ) {
    const execution = name === executionLogGroupName(api.id, stage.name);
    let perRequest = 350; // one access-log line
    if (execution) {
      perRequest = stage.loggingLevel === 'INFO' ? 1_800 : 150;
      if (stage.dataTrace) perRequest += 4_000; // headers and bodies
    }
    const perDay = stage.requestsPerMinute * 1_440 * perRequest;
    if (!perDay) return;
    const { metrics } = await this.clients(api.accountId, api.region);
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    await metrics.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Logs',
        MetricData: [1, 2, 3, 4, 5, 6, 7].map(n => ({
          MetricName: 'IncomingBytes',
          Dimensions: [{ Name: 'LogGroupName', Value: name }],
          Timestamp: new Date(today - n * DAY_MS + DAY_MS / 2),
          Value: perDay,
          Unit: 'Bytes',
        })),
      }),
    );
  }

  /** A subscription filter from the group to the account's central store. */
  private async ship(logs: CloudWatchLogsClient, api: EstateApi, name: string) {
    await this.createCentralStream(api.accountId, api.region);
    await logs.send(
      new PutSubscriptionFilterCommand({
        logGroupName: name,
        filterName: 'ship-to-central-store',
        filterPattern: '',
        destinationArn: `arn:aws:kinesis:${api.region}:${api.accountId}:stream/${CENTRAL_STREAM}`,
      }),
    );
  }

  /**
   * Kinesis `CreateStream` in the emulator, over its JSON protocol (the
   * project has no Kinesis client; the emulator checks no signature and
   * takes the account from the access key).
   */
  private async createCentralStream(accountId: string, region: string) {
    const { accessKeyId } = await this.accountCredentials(accountId);
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'Kinesis_20131202.CreateStream',
        authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/kinesis/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify({ StreamName: CENTRAL_STREAM, ShardCount: 1 }),
    });
    const text = await response.text();
    if (!response.ok && !text.includes('ResourceInUseException')) {
      throw new Error(
        `Creating the Kinesis stream ${CENTRAL_STREAM} failed: HTTP ${
          response.status
        } ${text.slice(0, 200)}`,
      );
    }
  }

  /**
   * Writes the traffic of every stage for a time window. Returns the number
   * of requests and failing requests written.
   */
  async seedTraffic(
    from: number,
    to: number,
    seed: number,
  ): Promise<{ requests: number; failures: number; events: number }> {
    let requests = 0;
    let failures = 0;
    let events = 0;
    for (const api of ESTATE) {
      if (api.type !== 'HTTP' && !this.hasCloudWatchRole(api)) continue;
      for (const [i, stage] of api.stages.entries()) {
        if (!stage.requestsPerMinute) continue;
        const traffic = generateStageTraffic(api, stage, {
          from,
          to,
          requestsPerMinute: stage.requestsPerMinute,
          seed: seed * 31 + i * 7 + api.name.length * 1009,
        });
        requests += traffic.requests;
        failures += traffic.failures;
        const { logs } = await this.clients(api.accountId, api.region);
        if (api.type !== 'HTTP' && stage.loggingLevel !== 'OFF') {
          events += await putEvents(
            logs,
            executionLogGroupName(api.id, stage.name),
            traffic.execution,
          );
        }
        if (stage.accessLog) {
          events += await putEvents(
            logs,
            accessLogGroupName(api, stage.name),
            traffic.access,
          );
        }
      }
    }
    return { requests, failures, events };
  }
}

/** Writes events into their streams, in order, in batches PutLogEvents accepts. */
export async function putEvents(
  logs: CloudWatchLogsClient,
  logGroupName: string,
  events: TrafficEvent[],
): Promise<number> {
  const byStream = new Map<string, TrafficEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.logStreamName) ?? [];
    list.push(e);
    byStream.set(e.logStreamName, list);
  }
  for (const [logStreamName, list] of byStream) {
    try {
      await logs.send(
        new CreateLogStreamCommand({ logGroupName, logStreamName }),
      );
    } catch (error) {
      if (!(error instanceof ResourceAlreadyExistsException)) throw error;
    }
    list.sort((a, b) => a.timestamp - b.timestamp);
    // PutLogEvents takes at most 10,000 events and 1 MB per call.
    let batch: TrafficEvent[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      await logs.send(
        new PutLogEventsCommand({
          logGroupName,
          logStreamName,
          logEvents: batch.map(e => ({
            timestamp: e.timestamp,
            message: e.message,
          })),
        }),
      );
      batch = [];
      bytes = 0;
    };
    for (const e of list) {
      const size = Buffer.byteLength(e.message) + 26;
      if (batch.length === 10000 || bytes + size > 1000000) await flush();
      batch.push(e);
      bytes += size;
    }
    await flush();
  }
  return events.length;
}
