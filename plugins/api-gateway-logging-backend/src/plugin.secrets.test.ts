import fs from 'node:fs';
import path from 'node:path';
import {
  CloudWatchLogsClient,
  DeleteLogGroupCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { matchesFilterPattern } from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AwsBehaviourProxy,
  MOTO_CREDENTIALS,
  MotoSeeder,
  MotoServer,
  startAwsBehaviourProxy,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { putEvents } from '../dev/estate/seed';
import { request } from './__testUtils__/openapi';
import { apiGatewayLoggingPlugin } from './plugin';

jest.setTimeout(240_000);

/*
 * The secrets corpus of the common package (execution and access logs
 * carrying every kind of secret: bearer JWTs, SigV4 credentials and
 * signatures, security tokens, AKIA/ASIA keys, API keys masked and not,
 * cookies, Basic auth, PEM keys, passwords and client secrets in plain,
 * escaped and double-escaped JSON bodies, secrets cut at the 1,024-byte
 * truncation), seeded into moto and read through every route, through the
 * AWS-behaviour layer as real AWS would answer. No planted secret may appear
 * in any response body.
 */

const BASE = '/api/api-gateway-logging';
const CORPUS = path.resolve(
  require.resolve(
    '@apigw-logging/plugin-api-gateway-logging-common/package.json',
  ),
  '..',
  'src',
  '__fixtures__',
  'secrets',
);
const manifest = JSON.parse(
  fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8'),
);
const lines = (file: string) =>
  fs
    .readFileSync(path.join(CORPUS, file), 'utf8')
    .split('\n')
    .filter(l => l && !l.startsWith('# '));

describe('no secret that entered a log leaves through any route', () => {
  let moto: MotoServer;
  let proxy: AwsBehaviourProxy;
  let server: any;
  const bodies: string[] = [];
  let logs: CloudWatchLogsClient;
  let apiId: string;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsBehaviourProxy(moto.endpoint, {
      filterPattern: matchesFilterPattern,
    });
    const seeder = new MotoSeeder(moto.endpoint, 'us-east-1');
    logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    });
    const now = Date.now();
    const api = await seeder.restApi('secrets');
    apiId = api;
    const arns: string[] = [];
    for (const access of manifest.accessLogs) {
      const stage = access.kind;
      const group = `/access/secrets-${stage}`;
      await seeder.logGroup(group);
      await seeder.logGroup(`API-Gateway-Execution-Logs_${api}/${stage}`);
      await seeder.restStage(api, stage, {
        patch: [
          { path: '/*/*/logging/loglevel', value: 'INFO' },
          { path: '/*/*/logging/dataTrace', value: 'true' },
          {
            path: '/accessLogSettings/destinationArn',
            value: seeder.logGroupArn('123456789012', group),
          },
          { path: '/accessLogSettings/format', value: access.format },
        ],
      });
      await putEvents(
        logs,
        `API-Gateway-Execution-Logs_${api}/${stage}`,
        lines(manifest.executionLog.file).map((message, i) => ({
          logStreamName: `s${i % 3}`,
          timestamp: now - 600_000 + i * 10,
          message,
        })),
      );
      await putEvents(
        logs,
        group,
        lines(access.file).map((message, i) => ({
          logStreamName: 'access',
          timestamp: now - 600_000 + i * 10,
          message,
        })),
      );
      arns.push(
        `arn:aws:apigateway:us-east-1::/restapis/${api}/stages/${stage}`,
      );
    }
    ({ server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'API',
              metadata: {
                name: 'secrets-api',
                namespace: 'default',
                annotations: {
                  'aws.amazon.com/api-gateway-stage-arn': arns.join(','),
                },
              },
              spec: {
                type: 'openapi',
                lifecycle: 'production',
                owner: 'team-a',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            aws: { mainAccount: MOTO_CREDENTIALS },
            apiGatewayLogging: {
              aws: { endpoint: proxy.endpoint, logsRequestsPerSecond: 100 },
              // A trace looked up without a time goes through Logs Insights
              // (moto runs its fields, sort and limit): poll it quickly.
              failures: {
                filterPatternMode: 'any-term',
                insights: { pollIntervalMs: 50 },
              },
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  async function read(url: string) {
    const res = await request(server).get(`${BASE}${url}`);
    bodies.push(res.text);
    return res;
  }

  it('serves the failures, every trace, the audits and the coverage', async () => {
    const failures = await read('/entities/default/api/secrets-api/failures');
    expect(failures.status).toBe(200);
    const failing = manifest.executionLog.requests.filter(
      (r: any) => r.failing,
    );
    expect(new Set(failures.body.items.map((i: any) => i.requestId))).toEqual(
      new Set(failing.map((r: any) => r.requestId)),
    );
    for (const stage of ['json', 'clf']) {
      await read(`/entities/default/api/secrets-api/failures?stage=${stage}`);
    }
    for (const r of manifest.executionLog.requests) {
      for (const id of [r.requestId, r.extendedRequestId]) {
        for (const stage of ['json', 'clf']) {
          const trace = await read(
            `/traces/${id}?entity=secrets-api&stage=${stage}`,
          );
          expect(trace.status).toBe(200);
          expect(trace.body.trace.requestId).toBe(r.requestId);
          expect(trace.body.accessLog).toBeDefined();
        }
      }
    }
    // Kept traces are stored: what is kept, and served back, is redacted.
    for (const r of manifest.executionLog.requests.filter(
      (q: any) => q.failing,
    )) {
      const kept = await request(server)
        .post(`${BASE}/traces/${r.requestId}/keep`)
        .send({ entity: 'secrets-api', stage: 'json' });
      bodies.push(kept.text);
      expect(kept.status).toBe(201);
      expect(kept.body.kept).toBeDefined();
    }
    // The logs gone, the kept copies are what the trace route serves.
    for (const group of [
      `API-Gateway-Execution-Logs_${apiId}/json`,
      '/access/secrets-json',
    ]) {
      await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    }
    for (const r of manifest.executionLog.requests.filter(
      (q: any) => q.failing,
    )) {
      const kept = await read(
        `/traces/${r.requestId}?entity=secrets-api&stage=json`,
      );
      expect(kept.status).toBe(200);
      expect(kept.body.source).toBe('kept');
    }
    await read('/entities/default/api/secrets-api/audit');
    await read('/entities/default/api/secrets-api/history');
    await read('/unclaimed');
    await read('/audit');
    await read('/audit?format=csv');
    await read('/checks');
  });

  it('leaks none of the planted secrets, and keeps what must stay visible', () => {
    const all = bodies.join('\n');
    const leaked = manifest.secrets.filter((s: any) =>
      // Also escaped, as JSON serialization would write it.
      [s.value, JSON.stringify(s.value).slice(1, -1)].some(v =>
        all.includes(v),
      ),
    );
    process.stdout.write(
      `\nsecrets corpus: ${manifest.secrets.length} secrets planted, ${leaked.length} leaked, over ${bodies.length} responses\n`,
    );
    expect(leaked.map((s: any) => `${s.name} (${s.kind})`)).toEqual([]);
    for (const visible of manifest.mustStayVisible) {
      expect(all).toContain(visible.value);
    }
  });
});
