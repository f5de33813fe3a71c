import {
  APIGatewayClient,
  GetAccountCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { parseStageArn } from '@apigw-logging/plugin-api-gateway-logging-common';
import { mockClient } from 'aws-sdk-client-mock';
import { DEFAULT_POLICY } from '../../config';
import { DefaultApiGatewayReader } from '../ApiGatewayReader/DefaultApiGatewayReader';
import { DefaultLogGroupReader } from '../LogGroupReader/DefaultLogGroupReader';
import { AwsCaller } from '../aws/AwsCaller';
import { RateLimiter } from '../aws/RateLimiter';
import { AwsTarget } from '../aws/types';
import { StageAuditor } from './StageAuditor';
import { StageConfigLoader } from './StageConfigLoader';

// What moto cannot do: refuse access, throttle, hang. One client set per
// account, each mocked on its own, so one account can fail while another
// answers.
function clientsFor(accounts: Record<string, APIGatewayClient>) {
  const logs = new CloudWatchLogsClient({ region: 'us-east-1' });
  mockClient(logs).on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
  return {
    apiGateway: async (t: AwsTarget) => accounts[t.accountId ?? 'default'],
    apiGatewayV2: async () => new ApiGatewayV2Client({ region: 'us-east-1' }),
    logs: async () => logs,
  };
}

function auditor(
  accounts: Record<string, APIGatewayClient>,
  requestTimeoutMs = 1000,
) {
  const clients = clientsFor(accounts);
  const caller = new AwsCaller({
    limiter: new RateLimiter(() => 1000),
    requestTimeoutMs,
    backoffMs: 1,
  });
  const apiGateway = new DefaultApiGatewayReader(clients, caller);
  return {
    caller,
    auditor: new StageAuditor({
      apiGateway,
      stages: new StageConfigLoader(apiGateway),
      logGroups: new DefaultLogGroupReader(clients, caller),
      policy: DEFAULT_POLICY,
      executionLogGroups: new Map(),
    }),
  };
}

const stage = {
  stageName: 'prod',
  methodSettings: { '*/*': { loggingLevel: 'ERROR' } },
};
const awsError = (name: string, status: number) =>
  Object.assign(new Error(`${name} from AWS`), {
    name,
    $metadata: { httpStatusCode: status },
  });

describe('StageAuditor when AWS fails', () => {
  const ok = new APIGatewayClient({ region: 'us-east-1' });
  const denied = new APIGatewayClient({ region: 'us-east-1' });
  const okMock = mockClient(ok);
  const deniedMock = mockClient(denied);

  beforeEach(() => {
    okMock.reset();
    deniedMock.reset();
  });

  it('errors only the checks of the account that denies access, naming the IAM action', async () => {
    okMock.on(GetStagesCommand).resolves({ item: [stage] });
    okMock
      .on(GetAccountCommand)
      .resolves({ cloudwatchRoleArn: 'arn:aws:iam::111111111111:role/x' });
    deniedMock.on(GetStagesCommand).resolves({ item: [stage] });
    deniedMock
      .on(GetAccountCommand)
      .rejects(awsError('AccessDeniedException', 403));
    const { auditor: a } = auditor({
      '111111111111': ok,
      '222222222222': denied,
    });

    const good = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1:111111111111:/restapis/abcdefghij/stages/prod',
      ),
    );
    const bad = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1:222222222222:/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(good.checks.find(c => c.id === 'cloudwatch-role')?.status).toBe(
      'pass',
    );
    const role = bad.checks.find(c => c.id === 'cloudwatch-role')!;
    expect(role.status).toBe('error');
    expect(role.message).toContain(
      'AccessDenied: apigateway:GET on /account (account 222222222222, us-east-1) — grant apigateway:GET on arn:aws:apigateway:us-east-1::/account',
    );
    // The stage itself was readable: the other checks still ran.
    expect(bad.checks.find(c => c.id === 'execution-logging')?.status).toBe(
      'pass',
    );
  });

  it('errors every check of a stage whose API cannot be read', async () => {
    deniedMock
      .on(GetStagesCommand)
      .rejects(awsError('AccessDeniedException', 403));
    const { auditor: a } = auditor({ default: denied });
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toContain(
      'grant apigateway:GET on arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages',
    );
    expect(result.checks.map(c => c.status)).toEqual(
      new Array(9).fill('error'),
    );
  });

  it('retries throttling with backoff, then succeeds', async () => {
    okMock
      .on(GetStagesCommand)
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .resolves({ item: [stage] });
    okMock.on(GetAccountCommand).resolves({});
    const { auditor: a, caller } = auditor({ default: ok });
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toBeUndefined();
    expect(caller.stats().byCommand.GetStages).toBe(3);
  });

  it('gives up after two retries with a clear throttling message', async () => {
    okMock
      .on(GetStagesCommand)
      .rejects(awsError('TooManyRequestsException', 429));
    const { auditor: a, caller } = auditor({ default: ok });
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toContain(
      'Throttled by AWS: apigateway:GET on /restapis/abcdefghij/stages',
    );
    expect(result.error).toContain('refused 3 times');
    expect(result.checks.every(c => c.status === 'error')).toBe(true);
    expect(caller.stats().byCommand.GetStages).toBe(3);
  });

  it('turns a call that never answers into an error after the timeout', async () => {
    okMock.on(GetStagesCommand).callsFake(() => new Promise(() => {}));
    const { auditor: a } = auditor({ default: ok }, 50);
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toContain('AWS did not answer');
    expect(result.error).toContain('no answer within 50 ms');
  });
});
