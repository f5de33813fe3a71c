import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  MOTO_CREDENTIALS,
  MotoSeeder,
  MotoServer,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { putEvents } from '../dev/estate/seed';
import { request } from './__testUtils__/openapi';
import { apiGatewayLoggingPlugin } from './plugin';

jest.setTimeout(180_000);

/*
 * An entity annotation never widens what the plugin reads: the
 * execution-log-group annotation may name the stage's own group or one the
 * operator allows by pattern; anything else (a Lambda's logs, another
 * team's API) is a 400 naming the annotation and the config key. And two
 * entities of one stage reading different groups never share a cached
 * result.
 */

const BASE = '/api/api-gateway-logging';
const ANNOTATION = 'aws.amazon.com/api-gateway-execution-log-group';
const OWN_ID = '11111111-1111-4111-8111-111111111111';
const ROUTED_ID = '22222222-2222-4222-8222-222222222222';
const SECRET_ID = '33333333-3333-4333-8333-333333333333';

describe('which log groups an entity may make the plugin read', () => {
  let moto: MotoServer;
  let server: any;

  beforeAll(async () => {
    moto = await startMoto();
    const seeder = new MotoSeeder(moto.endpoint, 'us-east-1');
    const logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    });
    const api = await seeder.restApi('routing');
    await seeder.restStage(api, 'prod', {
      patch: [{ path: '/*/*/logging/loglevel', value: 'ERROR' }],
    });
    const failing = (id: string) => [
      {
        logStreamName: 's',
        timestamp: Date.now() - 120_000,
        message: `(${id}) Execution failed due to a timeout error`,
      },
      {
        logStreamName: 's',
        timestamp: Date.now() - 119_000,
        message: `(${id}) Method completed with status: 504`,
      },
    ];
    for (const [group, id] of [
      [`API-Gateway-Execution-Logs_${api}/prod`, OWN_ID],
      [`/central/apigw/${api}/prod`, ROUTED_ID],
      ['/aws/lambda/payments-secrets', SECRET_ID],
    ]) {
      await seeder.logGroup(group);
      await putEvents(logs, group, failing(id));
    }
    const arn = `arn:aws:apigateway:us-east-1::/restapis/${api}/stages/prod`;
    const entity = (name: string, group?: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'aws.amazon.com/api-gateway-stage-arn': arn,
          ...(group ? { [ANNOTATION]: group } : {}),
        },
      },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
    });
    ({ server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({
          entities: [
            entity('plain'),
            entity('routed', '/central/apigw/{apiId}/{stage}'),
            entity('sneaky', '/aws/lambda/payments-secrets'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            aws: { mainAccount: MOTO_CREDENTIALS },
            apiGatewayLogging: {
              aws: { endpoint: moto.endpoint, logsRequestsPerSecond: 100 },
              allowedLogGroupPatterns: ['/central/apigw/*'],
              failures: { filterPatternMode: 'exact-phrase' },
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await moto?.stop();
  });

  const failures = (name: string) =>
    request(server).get(`${BASE}/entities/default/api/${name}/failures`);

  it('reads the stage’s own group, or one the operator allows, each with its own cached result', async () => {
    const plain = await failures('plain');
    const routed = await failures('routed');
    const again = await failures('plain');
    expect(plain.body.items.map((i: any) => i.requestId)).toEqual([OWN_ID]);
    expect(routed.body.items.map((i: any) => i.requestId)).toEqual([ROUTED_ID]);
    expect(again.body.items.map((i: any) => i.requestId)).toEqual([OWN_ID]);
  });

  it('refuses, with a 400 naming the annotation and the config key, any other group', async () => {
    for (const res of [
      await failures('sneaky'),
      await request(server).get(`${BASE}/traces/${SECRET_ID}?entity=sneaky`),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(ANNOTATION);
      expect(res.body.error.message).toContain(
        'apiGatewayLogging.allowedLogGroupPatterns',
      );
      // Nothing of that group's content came back.
      expect(JSON.stringify(res.body)).not.toContain('timeout error');
    }
    // The audit says it on the stage's log-group checks, and reads nothing there.
    const audit = await request(server).get(
      `${BASE}/entities/default/api/sneaky/audit`,
    );
    const retention = audit.body.stages[0].checks.find(
      (c: any) => c.id === 'log-retention',
    );
    expect(retention.status).toBe('error');
    expect(retention.message).toContain('allowedLogGroupPatterns');
  });
});
