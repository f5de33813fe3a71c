import fs from 'fs';
import path from 'path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  APIGatewayClient,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CloudWatchLogsClient,
  DeleteLogGroupCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CloudWatchClient,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  MOTO_CREDENTIALS,
  MotoServer,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { parseStageArn } from '@apigw-logging/plugin-api-gateway-logging-common';
import { request } from './__testUtils__/openapi';
import { Estate, estateConfig, seedEstate } from './__testUtils__/estate';
import { apiGatewayLoggingPlugin } from './plugin';
import { putEvents } from '../dev/estate/seed';

jest.setTimeout(180_000);

/*
 * The stored audit, end to end against moto: sweeps record a stage's
 * versions only when something changed, a timeline says what and between
 * which sweeps, re-checks agree with sweeps, unclaimed stages are listed,
 * log volume comes from the metrics, and a kept trace outlives its log
 * group. The test scheduler runs a sweep when `POST /sweeps` asks.
 */

const BASE = '/api/api-gateway-logging';
const FIXTURE = path.resolve(
  require.resolve(
    '@apigw-logging/plugin-api-gateway-logging-common/package.json',
  ),
  '..',
  'src',
  '__fixtures__',
  'execution-logs',
  'ericallam-key-throttle-429.log',
);
const THROTTLED_ID = '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998';

const api = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
});

describe('stored audit: sweeps, history, unclaimed stages, kept traces', () => {
  let moto: MotoServer;
  let estate: Estate;
  let server: Parameters<typeof request>[0];
  let apiGateway: APIGatewayClient;
  let logs: CloudWatchLogsClient;
  const auditor = mockServices.auditor.mock();
  auditor.createEvent.mockImplementation(async () => ({
    success: jest.fn(),
    fail: jest.fn(),
  }));

  beforeAll(async () => {
    moto = await startMoto();
    estate = await seedEstate(moto.endpoint);
    const client = {
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    };
    apiGateway = new APIGatewayClient(client);
    logs = new CloudWatchLogsClient(client);
    // A week of ingestion into petstore prod's access log group: 2 GB a day.
    const day = 86_400_000;
    const today = Math.floor(Date.now() / day) * day;
    await new CloudWatchClient(client).send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Logs',
        MetricData: [1, 2, 3, 4, 5, 6, 7].map(n => ({
          MetricName: 'IncomingBytes',
          Dimensions: [
            { Name: 'LogGroupName', Value: '/access/petstore-prod' },
          ],
          Timestamp: new Date(today - n * day + day / 2),
          Value: 2 * 1024 ** 3,
          Unit: 'Bytes',
        })),
      }),
    );
    ({ server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        auditor.factory,
        catalogServiceMock.factory({
          entities: [
            api('petstore', {
              'aws.amazon.com/api-gateway-stage-arn': estate.arns.restProd,
            }),
            api('orders', {
              'aws.amazon.com/api-gateway-tags': 'team=payments',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: estateConfig(moto.endpoint, estate),
        }),
      ],
    }));
  });

  afterAll(async () => {
    await moto?.stop();
  });

  const get = (url: string) => request(server).get(`${BASE}${url}`);
  const post = (url: string) => request(server).post(`${BASE}${url}`);

  async function sweep() {
    const res = await post('/sweeps');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ running: false, lastOutcome: 'done' });
    return res.body;
  }

  async function setLogLevel(arn: string, level: string) {
    const ref = parseStageArn(arn);
    await apiGateway.send(
      new UpdateStageCommand({
        restApiId: ref.apiId,
        stageName: ref.stageName,
        patchOperations: [
          { op: 'replace', path: '/*/*/logging/loglevel', value: level },
          { op: 'replace', path: '/deploymentId', value: `deploy-${level}` },
        ],
      }),
    );
  }

  const history = async () => {
    const res = await get(
      `/history/stages?arn=${encodeURIComponent(estate.arns.restProd)}`,
    );
    expect(res.status).toBe(200);
    return res.body.versions as any[];
  };

  it('records a version per change, not per sweep, with what changed and when', async () => {
    const first = await sweep();
    expect(first.stages).toBeGreaterThanOrEqual(5);
    expect(await history()).toHaveLength(1);

    const before = Date.now();
    await setLogLevel(estate.arns.restProd, 'OFF');
    await sweep();
    const versions = await history();
    expect(versions).toHaveLength(2);
    const [change] = versions;
    // The check already failed (GET /pets/{petId} overrides to OFF): the
    // setting changed, no check's status did.
    expect(change.changes).toEqual([
      { what: 'Execution logging', from: 'ERROR', to: 'OFF' },
    ]);
    expect(change.deploymentId).toBe('deploy-OFF');
    expect(change.summary).toMatch(
      /^Execution logging ERROR → OFF, between \d\d:\d\d (UTC on [^,]+ )?and \d\d:\d\d UTC on \d+ \w+ \d{4}, deployment deploy-OFF$/,
    );
    // The change happened between the sweep that last saw ERROR and this one.
    expect(Date.parse(change.previousSeenAt)).toBeLessThanOrEqual(before);
    expect(Date.parse(change.seenAt)).toBeGreaterThanOrEqual(before);

    // Nothing changed: no new version, however often it is swept.
    await sweep();
    expect(await history()).toHaveLength(2);
  });

  it('serves the stored result with its age, and a re-check that agrees with the sweep', async () => {
    const stored = await get('/entities/default/api/petstore/audit');
    expect(stored.body.stages[0]).toMatchObject({
      source: 'stored',
      checkedAt: expect.any(String),
    });
    // A re-check reads the same configuration as the sweep: no version.
    const recheck = await post('/entities/default/api/petstore/audit/refresh');
    expect(recheck.status).toBe(200);
    expect(recheck.body.stages[0].source).toBe('live');
    expect(await history()).toHaveLength(2);

    // A change seen by a re-check, at once, without waiting for a sweep.
    await setLogLevel(estate.arns.restProd, 'ERROR');
    const fixed = await post('/entities/default/api/petstore/audit/refresh');
    const check = fixed.body.stages[0].checks.find(
      (c: any) => c.id === 'execution-logging',
    );
    expect(check.evidence.effectiveLevels).toMatchObject({
      'every method without an override (*/*)': 'ERROR',
    });
    const versions = await history();
    expect(versions).toHaveLength(3);
    expect(versions[0].changes[0]).toEqual({
      what: 'Execution logging',
      from: 'OFF',
      to: 'ERROR',
    });
    const again = await get('/entities/default/api/petstore/audit');
    expect(again.body.stages[0]).toMatchObject({
      source: 'stored',
      status: fixed.body.stages[0].status,
    });
  });

  it('lists the stages no entity claims, with their compliance and tags', async () => {
    const res = await get('/unclaimed');
    expect(res.status).toBe(200);
    const arns = res.body.stages.map((s: any) => s.arn).sort();
    // Claimed: petstore prod (by ARN), petstore prod and orders (by tag).
    // The other account is not swept and names nothing.
    expect(arns).toEqual(
      [estate.arns.restDev, estate.arns.restWest, estate.arns.websocket].sort(),
    );
    expect(res.body.total).toBe(3);
    expect(res.body.stages[0].checks.length).toBeGreaterThan(0);
    const coverage = await get('/audit');
    expect(coverage.body.summary.unclaimedStages).toBe(3);
    const search = await get('/unclaimed?search=chat');
    expect(search.body.stages.map((s: any) => s.arn)).toEqual([
      estate.arns.websocket,
    ]);
  });

  it('shows log volume from the metrics, with its estimated cost', async () => {
    const res = await get('/entities/default/api/petstore/audit');
    const { logVolume } = res.body.stages[0];
    expect(logVolume.incomingBytesPerDay).toBe(2 * 1024 ** 3);
    // 2 GB a day for 30 days at $0.50 per GB ingested.
    expect(logVolume.estimatedMonthlyUsd.ingestion).toBe(30);
    expect(logVolume.days).toBe(7);
  });

  it('serves coverage over time, fleet-wide, per owner and per entity', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const fleet = await get('/history/coverage');
    expect(fleet.body.scope).toBe('fleet');
    expect(fleet.body.days.map((d: any) => d.day)).toEqual([today]);
    expect(fleet.body.days[0].stages).toBeGreaterThanOrEqual(5);
    const owner = await get('/history/coverage?owner=team-a&days=7');
    expect(owner.body.scope).toBe('owner:group:default/team-a');
    expect(owner.body.days[0].stages).toBe(2);
    const entity = await get('/entities/default/api/petstore/history');
    expect(entity.status).toBe(200);
    expect(entity.body.stages[0].versions).toHaveLength(3);
    expect(entity.body.coverage[0].day).toBe(today);
  });

  it('keeps a trace past the deletion of its log group, and records every read', async () => {
    const ref = parseStageArn(estate.arns.restProd);
    const group = `API-Gateway-Execution-Logs_${ref.apiId}/prod`;
    const now = Date.now();
    const lines = fs
      .readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .filter(l => l.startsWith('('));
    await putEvents(
      logs,
      group,
      lines.map((message, i) => ({
        logStreamName: 's1',
        timestamp: now - 60_000 + i,
        message,
      })),
    );
    const entity = 'api:default/petstore';
    const url = `/traces/${THROTTLED_ID}?entity=${entity}`;
    auditor.createEvent.mockClear();

    const live = await get(url);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ found: true, source: 'live' });

    const kept = await request(server)
      .post(`${BASE}/traces/${THROTTLED_ID}/keep`)
      .send({ entity, ticketUrl: 'https://tickets.example.com/INC-42' });
    expect(kept.status).toBe(201);
    expect(kept.body.kept).toMatchObject({
      by: 'user:default/mock',
      ticketUrl: 'https://tickets.example.com/INC-42',
    });

    await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    const after = await get(url);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      found: true,
      source: 'kept',
      kept: { by: 'user:default/mock' },
    });
    expect(after.body.trace.events.map((e: any) => e.message)).toEqual(
      live.body.trace.events.map((e: any) => e.message),
    );
    // By its extended request id too.
    const extended = await get(`/traces/Vts2FFmArPEFh8g=?entity=${entity}`);
    expect(extended.body.source).toBe('kept');

    const events = auditor.createEvent.mock.calls.map(([e]) => [
      e.eventId,
      e.meta,
    ]);
    expect(events).toEqual([
      ['trace-read', { entityRef: entity, requestId: THROTTLED_ID }],
      [
        'trace-keep',
        {
          entityRef: entity,
          requestId: THROTTLED_ID,
          ticketUrl: 'https://tickets.example.com/INC-42',
        },
      ],
      ['trace-read', { entityRef: entity, requestId: THROTTLED_ID }],
      ['trace-read', { entityRef: entity, requestId: 'Vts2FFmArPEFh8g=' }],
    ]);
  });
});
