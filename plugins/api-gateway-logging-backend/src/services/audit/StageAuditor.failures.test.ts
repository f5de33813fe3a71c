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
import { fakeAwsAccess } from '../../__testUtils__/fakeAwsAccess';
import { pluginServices } from '../../__testUtils__/services';

// What moto cannot do: refuse access, throttle, hang. One API Gateway
// client per account, each mocked on its own, so one account can fail while
// another answers.
async function auditor(
  accounts: Record<string, APIGatewayClient>,
  requestTimeoutMs = 1000,
) {
  const logs = new CloudWatchLogsClient({ region: 'us-east-1' });
  mockClient(logs).on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
  const aws = fakeAwsAccess((target, client) => {
    if (client === 'CloudWatchLogsClient') return logs;
    if (client === 'ApiGatewayV2Client')
      return new ApiGatewayV2Client({ region: 'us-east-1' });
    return accounts[target.accountId ?? 'default'];
  }, requestTimeoutMs);
  const { audit } = await pluginServices({}, { aws });
  return { caller: aws, auditor: { audit: audit.auditStage.bind(audit) } };
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
    const { auditor: a } = await auditor({
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

  it('marks a stage whose API cannot be read unreadable, with who can fix it', async () => {
    deniedMock
      .on(GetStagesCommand)
      .rejects(awsError('AccessDeniedException', 403));
    const { auditor: a } = await auditor({ default: denied });
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toContain(
      'grant apigateway:GET on arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages',
    );
    expect(result).toMatchObject({
      status: 'unreadable',
      checks: [],
      problem: { kind: 'access-denied', whoCanFix: 'backstage-admins' },
    });
  });

  it('retries throttling with backoff, then succeeds', async () => {
    okMock
      .on(GetStagesCommand)
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .rejectsOnce(awsError('TooManyRequestsException', 429))
      .resolves({ item: [stage] });
    okMock.on(GetAccountCommand).resolves({});
    const { auditor: a, caller } = await auditor({ default: ok });
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
    const { auditor: a, caller } = await auditor({ default: ok });
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toContain(
      'Throttled by AWS: apigateway:GET on /restapis/abcdefghij/stages',
    );
    expect(result.error).toContain('refused 3 times');
    expect(result).toMatchObject({
      status: 'unreadable',
      problem: { kind: 'throttled', whoCanFix: 'retry-later' },
    });
    expect(caller.stats().byCommand.GetStages).toBe(3);
  });

  it('turns a call that never answers into an error after the timeout', async () => {
    okMock.on(GetStagesCommand).callsFake(() => new Promise(() => {}));
    const { auditor: a } = await auditor({ default: ok }, 50);
    const result = await a.audit(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/abcdefghij/stages/prod',
      ),
    );
    expect(result.error).toContain('AWS did not answer');
    expect(result.error).toContain('no answer within 50 ms');
  });
});
