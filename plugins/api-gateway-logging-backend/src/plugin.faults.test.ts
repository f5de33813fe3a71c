import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AwsBehaviourProxy,
  MotoServer,
  startAwsBehaviourProxy,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { parseStageArn } from '@apigw-logging/plugin-api-gateway-logging-common';
import { request } from './__testUtils__/openapi';
import {
  Estate,
  OTHER_ACCOUNT,
  estateConfig,
  seedEstate,
} from './__testUtils__/estate';
import { apiGatewayLoggingPlugin } from './plugin';

jest.setTimeout(180_000);

/*
 * AWS failing as a flaky network and a strict account would: hung past the
 * request timeout, refusing connections, one of several accounts denying
 * access, throttling with Retry-After, expired credentials. Reproduced by
 * the AWS-behaviour proxy in front of moto. Every answer comes in bounded
 * time, with the right status, and the stages that can be read still answer.
 */

const BASE = '/api/api-gateway-logging';
const TIMEOUT_MS = 400;
const DEADLINE_S = 3;
// Bounded: the deadline, plus the slowest single attempt, plus slack.
const BOUND_MS = DEADLINE_S * 1000 + TIMEOUT_MS + 1500;

describe('when AWS fails', () => {
  let moto: MotoServer;
  let proxy: AwsBehaviourProxy;
  let estate: Estate;
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    moto = await startMoto();
    estate = await seedEstate(moto.endpoint);
    proxy = await startAwsBehaviourProxy(moto.endpoint);
    const config = estateConfig(proxy.endpoint, estate);
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'two-accounts',
        namespace: 'default',
        annotations: {
          'aws.amazon.com/api-gateway-stage-arn': `${estate.arns.restProd},${estate.arns.otherAccount}`,
        },
      },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
    };
    ({ server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            apiGatewayLogging: {
              ...config.apiGatewayLogging,
              aws: { endpoint: proxy.endpoint, requestTimeoutMs: TIMEOUT_MS },
              // Nothing cached between the cases: each sees AWS anew.
              cache: { auditTtlSeconds: 0.001, failuresTtlSeconds: 0.001 },
              failures: { requestDeadlineSeconds: DEADLINE_S },
            },
          },
        }),
      ],
    }));
  });

  afterEach(() => proxy.setRules([]));

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  async function timed(url: string) {
    const started = Date.now();
    const res = await request(server).get(`${BASE}${url}`);
    return { res, ms: Date.now() - started };
  }

  const audit = '/entities/default/api/two-accounts/audit';
  const failures = '/entities/default/api/two-accounts/failures';
  const trace =
    '/traces/3323ffe5-6ddf-45c8-896a-b45ec2284cc0?entity=two-accounts';

  it.each([
    ['hung past the request timeout', { kind: 'hang' as const }],
    ['refusing connections', { kind: 'refuse' as const }],
  ])(
    'AWS %s: 503 for the logs, unreadable stages for the audit, in bounded time',
    async (_what, behaviour) => {
      proxy.setRules([{ when: () => true, then: behaviour }]);
      const logs = await timed(failures);
      expect(logs.res.status).toBe(503);
      expect(logs.res.body.error.message).toContain('could not be read');
      expect(logs.res.body.error.message).toContain('AWS did not answer');
      expect(logs.ms).toBeLessThan(BOUND_MS);

      const lookup = await timed(trace);
      expect(lookup.res.status).toBe(503);
      expect(lookup.res.body.error.message).not.toContain('No request');
      expect(lookup.ms).toBeLessThan(BOUND_MS);

      const report = await timed(audit);
      expect(report.res.status).toBe(200);
      expect(
        report.res.body.stages.map((s: any) => [
          s.status,
          s.problem?.whoCanFix,
        ]),
      ).toEqual([
        ['unreadable', 'retry-later'],
        ['unreadable', 'retry-later'],
      ]);
      expect(report.res.body.summary).toMatchObject({
        unreadableStages: 2,
        failingStages: 0,
      });
    },
  );

  it('one of two accounts denying access: its stage says so, the other still answers', async () => {
    proxy.setRules([
      {
        when: r => r.accessKeyId === estate.otherAccountCredentials.accessKeyId,
        then: {
          kind: 'error',
          status: 403,
          code: 'AccessDeniedException',
          message: 'User is not authorized',
        },
      },
    ]);
    const { res } = await timed(audit);
    const other = res.body.stages.find(
      (s: any) => s.accountId === OTHER_ACCOUNT,
    );
    const main = res.body.stages.find((s: any) => s.accountId === undefined);
    expect(other).toMatchObject({
      status: 'unreadable',
      problem: { kind: 'access-denied', whoCanFix: 'backstage-admins' },
    });
    expect(other.problem.message).toContain('grant apigateway:GET');
    expect(main.status).not.toBe('unreadable');
    expect(main.checks.length).toBeGreaterThan(0);

    const logs = await timed(failures);
    expect(logs.res.status).toBe(200);
    // Responses write ARNs as AWS does, without the account field.
    expect(logs.res.body.errors.map((e: any) => e.stageArn)).toEqual([
      parseStageArn(estate.arns.otherAccount).arn,
    ]);
  });

  it('throttled with Retry-After: waits as asked, then answers', async () => {
    proxy.setRules([
      {
        when: r => r.operation === 'GetStages',
        then: {
          kind: 'error',
          status: 429,
          code: 'TooManyRequestsException',
          retryAfterSeconds: 1,
        },
        times: 1,
      },
    ]);
    const { res, ms } = await timed(audit);
    expect(res.body.stages.every((s: any) => s.status !== 'unreadable')).toBe(
      true,
    );
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it('expired credentials are a credentials problem, not a missing permission', async () => {
    proxy.setRules([
      {
        when: () => true,
        then: {
          kind: 'error',
          status: 400,
          code: 'ExpiredTokenException',
          message: 'The security token included in the request is expired',
        },
      },
    ]);
    const { res } = await timed(audit);
    const [stage] = res.body.stages;
    expect(stage.problem).toMatchObject({
      kind: 'credentials',
      whoCanFix: 'backstage-admins',
    });
    expect(stage.problem.message).not.toContain('grant');
  });
});
