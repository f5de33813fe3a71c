/* eslint-disable no-console */
// Seeds moto with 5,000+ stages over 2 accounts x 6 regions (12
// account-regions), sweeps them all as the scheduled task does, and prints
// the sweep's wall time against the floor the rate limits impose, the AWS
// calls per stage, the coverage route's p50 and p95 served from the store at
// that size, the database's size, and one entity's re-check time.
// Run: yarn bench:sweep (BENCH_SCALE=0.1 for a quick run)
import http from 'http';
import { AddressInfo } from 'net';
import express from 'express';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  MotoSeeder,
  MOTO_CREDENTIALS,
  MOTO_DEFAULT_ACCOUNT,
  motoAccountCredentials,
  resetMoto,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { pluginServices } from '../src/__testUtils__/services';
import { createRouter } from '../src/router/createRouter';

const OTHER = '222222222222';
const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
];
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REST_APIS = Math.ceil(80 * SCALE); // x 3 stages
const HTTP_APIS = Math.ceil(45 * SCALE); // x 2 stages
const WS_APIS = Math.ceil(45 * SCALE); // x 2 stages
// AWS's quota is 10/s per account and region; the plugin's default is under it.
const API_RPS = 8;
const LOGS_RPS = 4;
const COVERAGE_READS = 200;

async function pool<T>(items: T[], limit: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function seedRegion(
  seeder: MotoSeeder,
  account: string,
  withRole: boolean,
) {
  const arns: string[][] = [];
  if (withRole)
    await seeder.cloudwatchRole(`arn:aws:iam::${account}:role/logs`);
  const acct = account === MOTO_DEFAULT_ACCOUNT ? '' : account;
  const r = seeder.region;
  await pool([...Array(REST_APIS).keys()], 4, async i => {
    const id = await seeder.restApi(`rest-${i}`);
    const stages = ['prod', 'staging', 'dev'];
    for (const [n, stage] of stages.entries()) {
      const group = `/access/${id}/${stage}`;
      if (n === 0) await seeder.logGroup(group, { retentionInDays: 365 });
      await seeder.restStage(id, stage, {
        patch: [
          { path: '/*/*/logging/loglevel', value: n === 2 ? 'OFF' : 'ERROR' },
          ...(n === 0
            ? [
                {
                  path: '/accessLogSettings/destinationArn',
                  value: seeder.logGroupArn(account, group),
                },
                {
                  path: '/accessLogSettings/format',
                  value:
                    '{"requestId":"$context.requestId","status":"$context.status"}',
                },
              ]
            : []),
        ],
      });
    }
    arns.push(
      stages.map(
        s => `arn:aws:apigateway:${r}:${acct}:/restapis/${id}/stages/${s}`,
      ),
    );
  });
  for (const [type, count] of [
    ['HTTP', HTTP_APIS],
    ['WEBSOCKET', WS_APIS],
  ] as const) {
    await pool([...Array(count).keys()], 4, async i => {
      const id = await seeder.v2Api(`${type}-${i}`, type);
      for (const stage of ['prod', 'dev']) {
        await seeder.v2Stage(id, {
          StageName: stage,
          DefaultRouteSettings:
            type === 'WEBSOCKET'
              ? { LoggingLevel: 'ERROR' }
              : { DetailedMetricsEnabled: true },
        });
      }
      arns.push(
        ['prod', 'dev'].map(
          s => `arn:aws:apigateway:${r}:${acct}:/apis/${id}/stages/${s}`,
        ),
      );
    });
  }
  return arns;
}

/** The size of the plugin's tables, as the database reports it. */
async function databaseSize(
  services: Awaited<ReturnType<typeof pluginServices>>,
): Promise<string> {
  const db = await services.database.getClient();
  const client = db.client.config.client;
  if (client === 'pg') {
    const [row] = (
      await db.raw('select pg_database_size(current_database()) as bytes')
    ).rows;
    return `PostgreSQL ${(Number(row.bytes) / 1024 ** 2).toFixed(1)} MiB`;
  }
  const [pages] = await db.raw('pragma page_count');
  const [size] = await db.raw('pragma page_size');
  const counts = await Promise.all(
    ['stages', 'stage_history', 'check_results', 'entities'].map(
      async t => `${t} ${(await db(t).count({ n: '*' }))[0].n}`,
    ),
  );
  return `SQLite ${(
    (Number(pages.page_count) * Number(size.page_size)) /
    1024 ** 2
  ).toFixed(1)} MiB (rows: ${counts.join(', ')})`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function apiEntity(arns: string[], i: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: `api-${i}`,
      namespace: 'default',
      annotations: { 'aws.amazon.com/api-gateway-stage-arn': arns.join(',') },
    },
    spec: { type: 'openapi', lifecycle: 'production', owner: `team-${i % 25}` },
  };
}

async function serve(app: express.Express) {
  const server = http.createServer(app);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise(r => server.close(r));
    },
  };
}

async function main() {
  const moto = await startMoto();
  try {
    await resetMoto(moto.endpoint);
    const other = await motoAccountCredentials(moto.endpoint, OTHER);
    const seedStart = Date.now();
    const accounts = [
      [MOTO_DEFAULT_ACCOUNT, MOTO_CREDENTIALS],
      [OTHER, other],
    ] as const;
    const perRegion = await Promise.all(
      accounts.flatMap(([account, credentials]) =>
        REGIONS.map((region, i) =>
          seedRegion(
            new MotoSeeder(moto.endpoint, region, credentials),
            account,
            i % 3 !== 2,
          ),
        ),
      ),
    );
    const perApi = perRegion.flat();
    const stages = perApi.reduce((n, a) => n + a.length, 0);
    const targets = accounts.length * REGIONS.length;
    console.log(
      `seeded ${stages} stages in ${perApi.length} APIs, ${
        accounts.length
      } accounts x ${REGIONS.length} regions, in ${(
        (Date.now() - seedStart) /
        1000
      ).toFixed(1)} s`,
    );

    // Two in three APIs are in the catalog; the rest are unclaimed.
    const entities = perApi
      .filter((_, i) => i % 3 !== 2)
      .map((arns, i) => apiEntity(arns, i));
    const services = await pluginServices(
      {
        aws: {
          mainAccount: MOTO_CREDENTIALS,
          accounts: [{ accountId: OTHER, ...other }],
        },
        apiGatewayLogging: {
          aws: {
            endpoint: moto.endpoint,
            apiGatewayRequestsPerSecond: API_RPS,
            logsRequestsPerSecond: LOGS_RPS,
          },
          discovery: [
            { regions: REGIONS },
            { accountId: OTHER, regions: REGIONS },
          ],
          sweep: { enabled: false },
        },
      },
      {
        entities,
        // The sweep's log line says how long each phase took.
        factories: [mockServices.rootLogger.factory({ level: 'info' })],
      },
    );
    const { aws, sweep } = services;

    const start = Date.now();
    const record = await sweep.sweep();
    const wall = (Date.now() - start) / 1000;
    const stats = aws.stats();
    const logsCommands = ['DescribeLogGroups', 'GetMetricData'];
    const logsCalls = logsCommands.reduce(
      (n, c) => n + (stats.byCommand[c] ?? 0),
      0,
    );
    const apiCalls = stats.total - logsCalls;
    // Each account-region's limiter starts with a burst of one second's
    // worth, then paces; the busiest limiter sets the floor (calls are
    // spread evenly: every region holds the same estate).
    const floor = Math.max(
      Math.max(0, apiCalls / targets - API_RPS) / API_RPS,
      Math.max(0, logsCalls / targets - LOGS_RPS) / LOGS_RPS,
    );
    console.log(
      `swept ${record.stages} stages (${record.status}, ${
        record.errors.length
      } errors${
        record.errors.length ? `: ${record.errors.slice(0, 3).join('; ')}` : ''
      }) in ${wall.toFixed(1)} s`,
    );
    console.log(
      `AWS calls: ${stats.total} (${(stats.total / record.stages).toFixed(
        3,
      )} per stage)`,
      stats.byCommand,
    );
    console.log(
      `rate-limit floor: API Gateway ${apiCalls} calls / ${targets} account-regions at ${API_RPS}/s, Logs and CloudWatch ${logsCalls} at ${LOGS_RPS}/s = ${floor.toFixed(
        1,
      )} s; sweep wall / floor = ${(wall / Math.max(floor, 0.001)).toFixed(2)}`,
    );

    // The coverage route, read from the store, through the real router.
    const router = await createRouter({
      logger: mockServices.rootLogger({ level: 'error' }),
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      // Auditor events are not what this bench measures.
      auditor: {
        createEvent: async () => ({
          success: async () => undefined,
          fail: async () => undefined,
        }),
      },
      entities: services.entities,
      audit: services.audit,
      coverage: services.coverage,
      failures: services.failures,
      traces: services.traces,
      history: services.history,
      sweep,
      logQueries: services.settings.failures,
    });
    const app = express().use('/api/api-gateway-logging', router);
    const server = await serve(app);
    const queries = [
      '',
      '?status=fail',
      '?search=api-1',
      '?sort=name&order=desc&offset=500',
      '?sort=failing&order=desc',
      '?owner=team-3&sort=coverage',
      '?check=execution-logging&status=fail&limit=100',
    ];
    const times: number[] = [];
    const slowest = new Map<string, number>();
    let total = 0;
    let bytes = 0;
    for (let i = 0; i < COVERAGE_READS; i++) {
      const q = queries[i % queries.length];
      const t0 = performance.now();
      const res = await fetch(
        `${server.url}/api/api-gateway-logging/audit${q}`,
      );
      const text = await res.text();
      const ms = performance.now() - t0;
      const body = JSON.parse(text);
      bytes = Math.max(bytes, text.length);
      times.push(ms);
      slowest.set(q, Math.max(slowest.get(q) ?? 0, ms));
      if (res.status !== 200)
        throw new Error(`coverage ${q}: ${res.status} ${JSON.stringify(body)}`);
      if (!q) total = body.summary?.stages ?? body.totals?.stages ?? 0;
    }
    times.sort((a, b) => a - b);
    console.log(
      `coverage route from the store (${COVERAGE_READS} reads, ${
        entities.length
      } entities, ${total} stages estate-wide): p50 ${percentile(
        times,
        0.5,
      ).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(
        1,
      )} ms, largest page ${(bytes / 1024).toFixed(
        0,
      )} KiB; slowest per query: ${[...slowest]
        .map(([q, ms]) => `${q || '(none)'} ${ms.toFixed(0)} ms`)
        .join(', ')}`,
    );

    // One entity's re-check, as the tab's button does it.
    const target = entities[Math.floor(entities.length / 2)];
    const t1 = performance.now();
    const res = await fetch(
      `${server.url}/api/api-gateway-logging/entities/default/api/${target.metadata.name}/audit/refresh`,
      { method: 'POST' },
    );
    const recheck = await res.json();
    console.log(
      `re-check of one entity (${recheck.stages?.length} stages): ${
        res.status
      } in ${(performance.now() - t1).toFixed(0)} ms`,
    );
    await server.close();

    console.log(`database: ${await databaseSize(services)}`);
  } finally {
    await moto.stop();
  }
}

main()
  .then(
    // The in-memory database and AWS clients keep no work worth waiting for.
    () => process.exit(0),
  )
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
