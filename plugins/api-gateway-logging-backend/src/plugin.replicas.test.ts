import { startTestBackend } from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AwsBehaviourProxy,
  MotoServer,
  PostgresServer,
  startAwsBehaviourProxy,
  startMoto,
  startPostgres,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { request } from './__testUtils__/openapi';
import { Estate, estateConfig, seedEstate } from './__testUtils__/estate';
import { apiGatewayLoggingPlugin } from './plugin';

jest.setTimeout(240_000);

/*
 * Two backend processes on one PostgreSQL, with Backstage's real scheduler
 * and database services: the sweep is a global task, so over three
 * intervals exactly one of them sweeps each interval, and both serve the
 * same coverage from the shared store. Sweeps are counted from the AWS calls
 * the emulator receives (through a counting proxy): each sweep reads
 * `GetAccount` once per account and region.
 */

const BASE = '/api/api-gateway-logging';
const FREQUENCY_S = 4;
const INTERVALS = 3;

const petstore = (arn: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: {
    name: 'petstore',
    namespace: 'default',
    annotations: { 'aws.amazon.com/api-gateway-stage-arn': arn },
  },
  spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('two backends on one PostgreSQL', () => {
  let postgres: PostgresServer;
  let moto: MotoServer;
  let proxy: AwsBehaviourProxy;
  let estate: Estate;
  const backends: Array<Awaited<ReturnType<typeof startTestBackend>>> = [];

  beforeAll(async () => {
    [postgres, moto] = await Promise.all([startPostgres(), startMoto()]);
    estate = await seedEstate(moto.endpoint);
    proxy = await startAwsBehaviourProxy(moto.endpoint);
  });

  afterAll(async () => {
    for (const backend of backends) await backend.stop();
    await proxy?.stop();
    await Promise.all([moto?.stop(), postgres?.stop()]);
  });

  async function startReplica() {
    const config = estateConfig(proxy.endpoint, estate);
    const backend = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        databaseServiceFactory,
        schedulerServiceFactory,
        catalogServiceMock.factory({
          entities: [petstore(estate.arns.restProd)],
        }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            backend: {
              database: {
                client: 'pg',
                connection: postgres.connectionString,
              },
            },
            apiGatewayLogging: {
              ...config.apiGatewayLogging,
              sweep: {
                schedule: {
                  frequency: { seconds: FREQUENCY_S },
                  timeout: { seconds: 60 },
                  initialDelay: { seconds: 1 },
                },
              },
            },
          },
        }),
      ],
    });
    backends.push(backend);
    return backend;
  }

  /** When each sweep read each account-region's settings. */
  const accountReads = () =>
    proxy.requests.filter(r => r.method === 'GET' && r.path === '/account');

  it('sweeps exactly once per interval, and both serve the same coverage', async () => {
    // One after the other, as a rollout starts them: Backstage's scheduler
    // creates its own tables on first start, and two at once race there.
    const one = await startReplica();
    const two = await startReplica();
    const targets = 2; // the default account in us-east-1 and us-west-2

    // Watch the settings reads arrive, from the first sweep on, for three
    // more intervals; reads less than a second apart belong to one sweep.
    const arrivals: number[] = [];
    const started = Date.now();
    let seen = 0;
    while (
      arrivals.length === 0
        ? Date.now() - started < 60_000
        : Date.now() - arrivals[0] < (INTERVALS * FREQUENCY_S + 1.5) * 1000
    ) {
      const now = accountReads().length;
      for (; seen < now; seen++) arrivals.push(Date.now());
      await sleep(100);
    }
    const sweeps: number[][] = [];
    for (const at of arrivals) {
      const last = sweeps[sweeps.length - 1];
      if (last && at - last[last.length - 1] < 1000) last.push(at);
      else sweeps.push([at]);
    }

    // One sweep per interval (the first, then one per interval after it),
    // each reading every account-region once: two replicas sweeping the
    // same interval would read each twice.
    expect(sweeps.map(s => s.length)).toEqual(
      Array(INTERVALS + 1).fill(targets),
    );
    for (let i = 1; i < sweeps.length; i++) {
      expect(sweeps[i][0] - sweeps[i - 1][0]).toBeGreaterThan(
        FREQUENCY_S * 1000 * 0.75,
      );
    }

    const status = await request(one.server).get(`${BASE}/sweeps/latest`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ lastOutcome: 'done' });

    const coverage = await Promise.all(
      [one, two].map(b => request(b.server).get(`${BASE}/audit`)),
    );
    for (const res of coverage) {
      expect(res.status).toBe(200);
      expect(res.body.entities).toHaveLength(1);
    }
    expect(coverage[0].body.entities).toEqual(coverage[1].body.entities);
    expect(coverage[0].body.summary).toEqual(coverage[1].body.summary);
    expect(coverage[0].body.entities[0].stages[0]).toMatchObject({
      source: 'stored',
    });
  });
});
