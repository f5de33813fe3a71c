/* eslint-disable no-console */
// Seeds moto with 500+ stages over two accounts and three regions, audits
// them all as the coverage report would (one entity per API), and prints the
// AWS calls per stage and the wall time against the floor the rate limits
// impose. Run: yarn bench:audit
import { stringifyEntityRef } from '@backstage/catalog-model';
import { readStageSelector } from '@apigw-logging/plugin-api-gateway-logging-common';
import { COVERAGE_CONCURRENCY } from '../src/services/coverage/DefaultCoverageService';
import { auditTarget, interleaveBy } from '../src/services/coverage/fairOrder';
import { MotoSeeder } from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { pluginServices } from '../src/__testUtils__/services';
import {
  MOTO_CREDENTIALS,
  MOTO_DEFAULT_ACCOUNT,
  motoAccountCredentials,
  resetMoto,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';

const OTHER = '222222222222';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const REST_APIS = 16; // x 3 stages
const HTTP_APIS = 10; // x 2 stages
const WS_APIS = 10; // x 2 stages
const API_RPS = 8;
const LOGS_RPS = 4;

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

async function main() {
  const moto = await startMoto();
  try {
    await resetMoto(moto.endpoint);
    const other = await motoAccountCredentials(moto.endpoint, OTHER);
    const seedStart = Date.now();
    const perApi: string[][] = [];
    for (const [account, credentials] of [
      [MOTO_DEFAULT_ACCOUNT, MOTO_CREDENTIALS],
      [OTHER, other],
    ] as const) {
      for (const [i, region] of REGIONS.entries()) {
        const seeder = new MotoSeeder(moto.endpoint, region, credentials);
        perApi.push(...(await seedRegion(seeder, account, i !== 2)));
      }
    }
    const stages = perApi.reduce((n, a) => n + a.length, 0);
    console.log(
      `seeded ${stages} stages in ${perApi.length} APIs, 2 accounts x ${
        REGIONS.length
      } regions, in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const { audit: service, aws } = await pluginServices({
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
      },
    });
    const entities = perApi.map((arns, i) => {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: `api-${i}`,
          namespace: 'default',
          annotations: {
            'aws.amazon.com/api-gateway-stage-arn': arns.join(','),
          },
        },
        spec: {},
      };
      return {
        entity,
        entityRef: stringifyEntityRef(entity),
        selector: readStageSelector(entity)!,
      };
    });

    // In the order the coverage report takes them (round-robin across
    // accounts and regions); BENCH_CATALOG_ORDER=1 keeps seeding order, to
    // compare.
    const ordered = process.env.BENCH_CATALOG_ORDER
      ? entities
      : interleaveBy(entities, e => auditTarget(e.entity));

    const start = Date.now();
    let audited = 0;
    let errors = 0;
    await pool(ordered, COVERAGE_CONCURRENCY, async linked => {
      const audit = await service.auditEntity(linked);
      audited += audit.stages.length;
      errors += audit.stages.filter(s => s.status === 'unreadable').length;
    });
    const wall = (Date.now() - start) / 1000;
    const stats = aws.stats();
    const logsCalls = stats.byCommand.DescribeLogGroups ?? 0;
    const apiCalls = stats.total - logsCalls;
    const targets = 2 * REGIONS.length;
    const floor = Math.max(
      Math.max(0, apiCalls - API_RPS * targets) / (API_RPS * targets),
      Math.max(0, logsCalls - LOGS_RPS * targets) / (LOGS_RPS * targets),
    );

    const again = Date.now();
    await pool(entities, COVERAGE_CONCURRENCY, async linked => {
      await service.auditEntity(linked);
    });
    const cachedWall = (Date.now() - again) / 1000;

    console.log(
      `audited ${audited} stages (${errors} with errors) in ${wall.toFixed(
        1,
      )} s`,
    );
    console.log(
      `AWS calls: ${stats.total} (${(stats.total / audited).toFixed(
        2,
      )} per stage)`,
      stats.byCommand,
    );
    console.log(
      `rate-limit floor: API Gateway ${apiCalls} calls / (${API_RPS}/s x ${targets}) and Logs ${logsCalls} / (${LOGS_RPS}/s x ${targets}), after the first burst = ${floor.toFixed(
        1,
      )} s; wall / floor = ${(wall / Math.max(floor, 0.001)).toFixed(2)}`,
    );
    console.log(
      `second pass (cached): ${cachedWall.toFixed(2)} s, AWS calls added: ${
        aws.stats().total - stats.total
      }`,
    );
  } finally {
    await moto.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
