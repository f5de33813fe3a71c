import {
  CloudWatchLogsClient,
  PutSubscriptionFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
// A module's test has to start its plugin, which the module itself never
// imports.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import apiGatewayLoggingPlugin from '@apigw-logging/plugin-api-gateway-logging-backend';
import {
  MOTO_CREDENTIALS,
  MotoServer,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { MotoSeeder } from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { logShippingModule } from './module';

jest.setTimeout(180_000);

/*
 * The module from outside the backend package, as an adopter installs it:
 * its check shows in GET /checks, the entity audit and the coverage CSV,
 * against moto's subscription filters.
 */

const BASE = '/api/api-gateway-logging';
const SIEM = 'arn:aws:logs:us-east-1:123456789012:log-group:/central/siem:*';

describe('log-shipping module, against moto', () => {
  let moto: MotoServer;
  let shipped: string;
  let unshipped: string;

  beforeAll(async () => {
    moto = await startMoto();
    const seeder = new MotoSeeder(moto.endpoint, 'us-east-1');
    const logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    });
    await seeder.logGroup('/central/siem');
    const api = await seeder.restApi('shipping');
    for (const stage of ['prod', 'dev']) {
      const access = `/access/shipping-${stage}`;
      await seeder.logGroup(access);
      await seeder.logGroup(`API-Gateway-Execution-Logs_${api}/${stage}`);
      await seeder.restStage(api, stage, {
        patch: [
          { path: '/*/*/logging/loglevel', value: 'ERROR' },
          {
            path: '/accessLogSettings/destinationArn',
            value: seeder.logGroupArn('123456789012', access),
          },
          {
            path: '/accessLogSettings/format',
            value: '{"requestId":"$context.requestId"}',
          },
        ],
      });
    }
    // prod ships both groups; dev ships only its execution logs.
    for (const group of [
      `API-Gateway-Execution-Logs_${api}/prod`,
      '/access/shipping-prod',
      `API-Gateway-Execution-Logs_${api}/dev`,
    ]) {
      await logs.send(
        new PutSubscriptionFilterCommand({
          logGroupName: group,
          filterName: 'siem',
          filterPattern: '',
          destinationArn: SIEM,
        }),
      );
    }
    shipped = `arn:aws:apigateway:us-east-1::/restapis/${api}/stages/prod`;
    unshipped = `arn:aws:apigateway:us-east-1::/restapis/${api}/stages/dev`;
  });

  afterAll(async () => {
    await moto?.stop();
  });

  async function start() {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'shipping-api',
        namespace: 'default',
        annotations: {
          'aws.amazon.com/api-gateway-stage-arn': `${shipped},${unshipped}`,
        },
      },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
    };
    const { server } = await startTestBackend({
      features: [
        // As an adopter adds it: the plugin, then the module.
        apiGatewayLoggingPlugin,
        logShippingModule,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            aws: { mainAccount: MOTO_CREDENTIALS },
            apiGatewayLogging: {
              aws: { endpoint: moto.endpoint },
              logShipping: {
                destinationArnPatterns: ['arn:aws:logs:*:123456789012:*siem*'],
                destinationArn: SIEM,
              },
            },
          },
        }),
      ],
    });
    return server;
  }

  it('adds its check to the catalogue of checks', async () => {
    const res = await request(await start()).get(`${BASE}/checks`);
    expect(res.status).toBe(200);
    expect(res.body.checks.map((c: any) => c.id)).toContain('log-shipping');
    expect(res.body.checks.find((c: any) => c.id === 'log-shipping')).toEqual({
      id: 'log-shipping',
      title: 'Logs shipped to the central store',
      severity: 'medium',
      description: expect.stringContaining('subscription filter'),
      reads: ['log-groups', 'subscription-filters'],
      builtIn: false,
    });
  });

  it('passes a stage whose groups are shipped and fails one that is not, with the fix', async () => {
    const res = await request(await start()).get(
      `${BASE}/entities/default/api/shipping-api/audit`,
    );
    expect(res.status).toBe(200);
    const check = (arn: string) =>
      res.body.stages
        .find((s: any) => s.arn === arn)
        .checks.find((c: any) => c.id === 'log-shipping');
    expect(check(shipped)).toMatchObject({
      status: 'pass',
      title: 'Logs shipped to the central store',
    });
    expect(Object.values(check(shipped).evidence)).toContainEqual({
      kind: 'access',
      destinations: [SIEM],
    });
    const failing = check(unshipped);
    expect(failing.status).toBe('fail');
    expect(failing.message).toContain(
      '/access/shipping-dev has no subscription filter',
    );
    expect(failing.remediation.cli).toEqual([
      `aws logs put-subscription-filter --log-group-name /access/shipping-dev --filter-name ship-to-central-store --filter-pattern '' --destination-arn '${SIEM}' --region us-east-1`,
    ]);
  });

  it('shows in the coverage CSV', async () => {
    const server = await start();
    // Coverage is read from the store: sweep first.
    expect((await request(server).post(`${BASE}/sweeps`)).status).toBe(202);
    const res = await request(server)
      .get(`${BASE}/audit?format=csv&check=log-shipping`)
      .set('accept', 'text/csv');
    expect(res.status).toBe(200);
    const rows = res.text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      rows.every(r =>
        r.includes('log-shipping,Logs shipped to the central store'),
      ),
    ).toBe(true);
    expect(
      rows.map(r => r.match(/central store,(pass|fail),/)?.[1]).sort(),
    ).toEqual(['fail', 'pass']);
  });
});
