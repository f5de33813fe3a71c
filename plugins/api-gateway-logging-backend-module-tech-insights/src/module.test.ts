import {
  CloudWatchLogsClient,
  PutLogEventsCommand,
  CreateLogStreamCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from 'json-rules-engine';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
// The module's test has to start the plugin whose data it reads.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import apiGatewayLoggingPlugin from '@apigw-logging/plugin-api-gateway-logging-backend';
import {
  MOTO_CREDENTIALS,
  MotoSeeder,
  MotoServer,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { techInsightsModuleApiGatewayLogging } from './module';
import { API_GATEWAY_LOGGING_FACT_RETRIEVER_ID } from './factRetriever';

jest.setTimeout(180_000);

/*
 * The module in the real community tech-insights backend, next to the
 * api-gateway-logging backend, against moto: after a sweep, the
 * retriever's task stores each API's facts, and tech-insights serves them.
 */

const api = (name: string, arns: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'aws.amazon.com/api-gateway-stage-arn': arns.join(',') },
  },
  spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
});

describe('Tech Insights facts, in the tech-insights backend', () => {
  let moto: MotoServer;
  let logged: string;
  let dark: string;
  let half: string;

  beforeAll(async () => {
    moto = await startMoto();
    const seeder = new MotoSeeder(moto.endpoint, 'us-east-1');
    const id = await seeder.restApi('facts');
    for (const [stage, level] of [
      ['prod', 'ERROR'],
      ['dev', 'OFF'],
    ]) {
      await seeder.logGroup(`API-Gateway-Execution-Logs_${id}/${stage}`);
      await seeder.restStage(id, stage, {
        patch: [{ path: '/*/*/logging/loglevel', value: level }],
      });
    }
    logged = `arn:aws:apigateway:us-east-1::/restapis/${id}/stages/prod`;
    dark = `arn:aws:apigateway:us-east-1::/restapis/${id}/stages/dev`;
    half = 'half-api';
    // Two failed requests on prod in the last day, one 26 hours ago.
    const logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    });
    const group = `API-Gateway-Execution-Logs_${id}/prod`;
    await logs.send(
      new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }),
    );
    const failing = (requestId: string, ago: number) => [
      {
        timestamp: Date.now() - ago,
        message: `(${requestId}) Execution failed due to a timeout error`,
      },
      {
        timestamp: Date.now() - ago + 1000,
        message: `(${requestId}) Method completed with status: 504`,
      },
    ];
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: 's',
        logEvents: [
          ...failing('00000000-0000-4000-8000-000000000026', 26 * 3_600_000),
          ...failing('00000000-0000-4000-8000-000000000003', 3 * 3_600_000),
          ...failing('00000000-0000-4000-8000-000000000001', 3_600_000),
        ],
      }),
    );
  });

  afterAll(async () => {
    await moto?.stop();
  });

  async function start(extraConfig: object = {}) {
    // One scheduler for both plugins, to trigger their tasks. The mock is
    // also its own service factory, which its declared type leaves out.
    const scheduler = mockServices.scheduler() as ReturnType<
      typeof mockServices.scheduler
    > & { factory: typeof mockServices.scheduler.factory };
    const { server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        techInsightsPlugin,
        techInsightsModuleApiGatewayLogging,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        catalogServiceMock.factory({
          entities: [
            api('logged-api', [logged]),
            api(half, [logged, dark]),
            {
              ...api('unlinked-api', []),
              metadata: { name: 'unlinked-api', namespace: 'default' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            aws: { mainAccount: MOTO_CREDENTIALS },
            apiGatewayLogging: {
              aws: { endpoint: moto.endpoint },
              // moto's Logs Insights ignores filters: a day is read with
              // FilterLogEvents here.
              failures: { insights: { enabled: false } },
              ...extraConfig,
            },
            techInsights: {
              factRetrievers: {
                apiGatewayLoggingFactRetriever: { cadence: '0 * * * *' },
              },
            },
          },
        }),
      ],
    });
    const sweep = await request(server).post('/api/api-gateway-logging/sweeps');
    expect(sweep.status).toBe(202);
    await scheduler.triggerTask(API_GATEWAY_LOGGING_FACT_RETRIEVER_ID);
    return server;
  }

  async function latestFacts(server: any, entity: string) {
    const res = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity,
        'ids[]': API_GATEWAY_LOGGING_FACT_RETRIEVER_ID,
      });
    expect(res.status).toBe(200);
    return res.body[API_GATEWAY_LOGGING_FACT_RETRIEVER_ID]?.facts;
  }

  it('registers its schema with tech-insights', async () => {
    const server = await start();
    const res = await request(server).get('/api/tech-insights/fact-schemas');
    expect(res.status).toBe(200);
    const schema = res.body.find(
      (s: any) => s.id === API_GATEWAY_LOGGING_FACT_RETRIEVER_ID,
    );
    // tech-insights serves a schema's facts beside its id and version.
    expect(Object.keys(schema)).toEqual(
      expect.arrayContaining([
        'passingChecks',
        'failingChecks',
        'passingStagesShare',
        'failedRequestsLastDay',
      ]),
    );
  });

  it('stores each API’s checks, coverage share and failed requests of the day', async () => {
    const server = await start();
    const facts = await latestFacts(server, 'api:default/logged-api');
    expect(facts).toMatchObject({
      stages: 1,
      unreadableStages: 0,
      failedRequestsLastDay: 2,
      failedRequestsLastDayComplete: true,
      checks: expect.objectContaining({ 'execution-logging': 'pass' }),
    });
    expect(facts.passingChecks).toContain('execution-logging');
    expect(facts.failingChecks).not.toContain('execution-logging');
    expect(facts.checkedAt).toEqual(expect.any(String));

    const mixed = await latestFacts(server, `api:default/${half}`);
    expect(mixed).toMatchObject({
      stages: 2,
      checks: expect.objectContaining({ 'execution-logging': 'fail' }),
    });
    expect(mixed.failingChecks).toContain('execution-logging');
    expect(mixed.passingChecks).not.toContain('execution-logging');
    // Both stages fail some check (moto's stages have no access logs).
    expect(mixed.passingStagesShare).toBeGreaterThanOrEqual(0);
    expect(mixed.passingStagesShare).toBeLessThanOrEqual(
      facts.passingStagesShare,
    );
  });

  /** The README's example check, as the jsonfc module would read it. */
  function readmeRule() {
    const readme = fs.readFileSync(
      path.join(__dirname, '..', 'README.md'),
      'utf8',
    );
    const block = readme.match(
      /<!-- tech-insights-example-check -->\s*```yaml\n([\s\S]*?)```/,
    );
    const checks = parseYaml(block![1]).techInsights.factChecker.checks;
    const check = checks.apiGatewayLoggingOn;
    expect(check.factIds).toEqual([API_GATEWAY_LOGGING_FACT_RETRIEVER_ID]);
    return check.rule;
  }

  /** Each condition of the rule, true or false, on an entity's facts. */
  async function conditions(facts: Record<string, unknown>) {
    const engine = new Engine([{ ...readmeRule(), event: { type: 'x' } }], {
      allowUndefinedFacts: true,
    });
    const { results, failureResults } = await engine.run(facts);
    const [rule] = [...results, ...failureResults];
    return (rule.conditions as any).all.map(
      (c: any) => `${c.fact} ${c.operator} ${c.value}: ${c.result}`,
    );
  }

  it('feeds the README’s example check', async () => {
    const server = await start();
    const compliant = await conditions(
      await latestFacts(server, 'api:default/logged-api'),
    );
    expect(compliant).toEqual(
      expect.arrayContaining([
        'failingChecks doesNotContain execution-logging: true',
        'failedRequestsLastDay lessThan 100: true',
      ]),
    );
    const mixed = await conditions(
      await latestFacts(server, `api:default/${half}`),
    );
    expect(mixed).toContain(
      'failingChecks doesNotContain execution-logging: false',
    );
  });

  it('gives no facts for an entity that claims no stage', async () => {
    const server = await start();
    expect(
      await latestFacts(server, 'api:default/unlinked-api'),
    ).toBeUndefined();
  });

  it('leaves the failed requests out when configured to', async () => {
    const server = await start({
      techInsights: { includeFailedRequests: false },
    });
    const facts = await latestFacts(server, 'api:default/logged-api');
    expect(facts.stages).toBe(1);
    expect(facts).not.toHaveProperty('failedRequestsLastDay');
  });
});
