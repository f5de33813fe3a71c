import {
  MOTO_DEFAULT_ACCOUNT,
  MotoSeeder,
  motoAccountCredentials,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';

/** The second account of the estate (credentials from moto's STS). */
export const OTHER_ACCOUNT = '222222222222';

const JSON_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  status: '$context.status',
  responseType: '$context.error.responseType',
  error: '$context.error.message',
});
const CLF_WITHOUT_REQUEST_ID =
  '$context.identity.sourceIp [$context.requestTime] "$context.httpMethod $context.resourcePath" $context.status';

/** Stage ARNs of the seeded estate, by what each one exercises. */
export interface Estate {
  arns: {
    /** REST, us-east-1: `*` + `/*` ERROR, one method override OFF, X-Ray, JSON access logs to a 30-day unencrypted group, execution group 400 days with KMS. */
    restProd: string;
    /** REST, same API: INFO with data trace, no access logs, no execution log group yet. */
    restDev: string;
    /** REST, us-west-2 (no CloudWatch role there): CLF access logs without request id. */
    restWest: string;
    /** HTTP API: access logs to a never-expiring KMS group. */
    http: string;
    /** WebSocket: default INFO, `$connect` OFF, JSON access logs. */
    websocket: string;
    /** A REST API's stage that does not exist. */
    missingStage: string;
    /** REST stage in {@link OTHER_ACCOUNT}, everything passing but metrics. */
    otherAccount: string;
  };
  /** Static credentials of {@link OTHER_ACCOUNT}, for `aws.accounts`. */
  otherAccountCredentials: { accessKeyId: string; secretAccessKey: string };
}

const restArn = (region: string, apiId: string, stage: string) =>
  `arn:aws:apigateway:${region}::/restapis/${apiId}/stages/${stage}`;
const v2Arn = (region: string, apiId: string, stage: string) =>
  `arn:aws:apigateway:${region}::/apis/${apiId}/stages/${stage}`;

/**
 * Seeds moto with stages in every configuration the checks distinguish.
 * Stages tagged `team=payments` (restProd, http) are what a tag query finds.
 */
export async function seedEstate(endpoint: string): Promise<Estate> {
  const east = new MotoSeeder(endpoint, 'us-east-1');
  const west = new MotoSeeder(endpoint, 'us-west-2');
  const account = MOTO_DEFAULT_ACCOUNT;
  await east.cloudwatchRole(`arn:aws:iam::${account}:role/apigw-logs`);

  const petstore = await east.restApi('petstore');
  await east.logGroup('/access/petstore-prod', { retentionInDays: 30 });
  await east.logGroup(`API-Gateway-Execution-Logs_${petstore}/prod`, {
    retentionInDays: 400,
    kmsKeyId: `arn:aws:kms:us-east-1:${account}:key/exec`,
  });
  await east.restStage(petstore, 'prod', {
    tags: { team: 'payments' },
    tracingEnabled: true,
    patch: [
      { path: '/*/*/logging/loglevel', value: 'ERROR' },
      { path: '/*/*/metrics/enabled', value: 'true' },
      { path: '/pets~1{petId}/GET/logging/loglevel', value: 'OFF' },
      {
        path: '/accessLogSettings/destinationArn',
        value: east.logGroupArn(account, '/access/petstore-prod'),
      },
      { path: '/accessLogSettings/format', value: JSON_FORMAT },
    ],
  });
  await east.restStage(petstore, 'dev', {
    patch: [
      { path: '/*/*/logging/loglevel', value: 'INFO' },
      { path: '/*/*/logging/dataTrace', value: 'true' },
    ],
  });

  const westApi = await west.restApi('west');
  await west.logGroup('/access/west');
  await west.restStage(westApi, 'west', {
    patch: [
      { path: '/*/*/logging/loglevel', value: 'ERROR' },
      {
        path: '/accessLogSettings/destinationArn',
        value: west.logGroupArn(account, '/access/west'),
      },
      { path: '/accessLogSettings/format', value: CLF_WITHOUT_REQUEST_ID },
    ],
  });

  const http = await east.v2Api('orders', 'HTTP');
  await east.logGroup('/access/orders', {
    kmsKeyId: `arn:aws:kms:us-east-1:${account}:key/orders`,
  });
  await east.v2Stage(http, {
    StageName: '$default',
    Tags: { team: 'payments' },
    DefaultRouteSettings: { DetailedMetricsEnabled: true },
    AccessLogSettings: {
      DestinationArn: east.logGroupArn(account, '/access/orders'),
      Format: JSON_FORMAT,
    },
  });

  const ws = await east.v2Api('chat', 'WEBSOCKET');
  await east.logGroup('/access/chat', { retentionInDays: 365 });
  await east.v2Stage(ws, {
    StageName: 'production',
    DefaultRouteSettings: {
      LoggingLevel: 'INFO',
      DataTraceEnabled: false,
      DetailedMetricsEnabled: true,
    },
    RouteSettings: { $connect: { LoggingLevel: 'OFF' } },
    AccessLogSettings: {
      DestinationArn: east.logGroupArn(account, '/access/chat'),
      Format: JSON_FORMAT,
    },
  });

  const otherAccountCredentials = await motoAccountCredentials(
    endpoint,
    OTHER_ACCOUNT,
  );
  const other = new MotoSeeder(endpoint, 'us-east-1', otherAccountCredentials);
  await other.cloudwatchRole(`arn:aws:iam::${OTHER_ACCOUNT}:role/apigw-logs`);
  const otherApi = await other.restApi('ledger');
  await other.logGroup('/access/ledger', {
    kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/ledger`,
  });
  await other.logGroup(`API-Gateway-Execution-Logs_${otherApi}/prod`, {
    kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/ledger`,
  });
  await other.restStage(otherApi, 'prod', {
    tracingEnabled: true,
    patch: [
      { path: '/*/*/logging/loglevel', value: 'ERROR' },
      {
        path: '/accessLogSettings/destinationArn',
        value: other.logGroupArn(OTHER_ACCOUNT, '/access/ledger'),
      },
      { path: '/accessLogSettings/format', value: JSON_FORMAT },
    ],
  });

  return {
    arns: {
      restProd: restArn('us-east-1', petstore, 'prod'),
      restDev: restArn('us-east-1', petstore, 'dev'),
      restWest: restArn('us-west-2', westApi, 'west'),
      http: v2Arn('us-east-1', http, '$default'),
      websocket: v2Arn('us-east-1', ws, 'production'),
      missingStage: restArn('us-east-1', petstore, 'nope'),
      otherAccount: `arn:aws:apigateway:us-east-1:${OTHER_ACCOUNT}:/restapis/${otherApi}/stages/prod`,
    },
    otherAccountCredentials,
  };
}

/** The plugin config (root) for an estate: emulator, accounts, discovery. */
export function estateConfig(endpoint: string, estate: Estate) {
  return {
    aws: {
      mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' },
      accounts: [
        { accountId: OTHER_ACCOUNT, ...estate.otherAccountCredentials },
      ],
    },
    apiGatewayLogging: {
      aws: { endpoint },
      discovery: [{ regions: ['us-east-1', 'us-west-2'] }],
    },
  };
}
