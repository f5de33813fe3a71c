import {
  AwsBehaviourProxy,
  MOTO_CREDENTIALS,
  MotoSeeder,
  MotoServer,
  startAwsBehaviourProxy,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import fs from 'fs';
import path from 'path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  ExecutionTrace,
  matchesFilterPattern,
  parseExecutionLog,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { request } from './__testUtils__/openapi';
import { apiGatewayLoggingPlugin } from './plugin';
import { putEvents } from '../dev/estate/seed';
import { generateStageTraffic } from '../dev/estate/traffic';
import { SCENARIO_WEIGHTS } from '../dev/estate/estate';
import { TrafficEvent } from '../dev/estate/traffic';

jest.setTimeout(180_000);

/*
 * The failures listing and trace lookup, end to end against moto: real
 * execution-log traces from the fixtures, re-timestamped and spread over
 * many streams among generated successful traffic, read back through the
 * plugin's HTTP API.
 */

const FIXTURES = path.resolve(
  require.resolve(
    '@apigw-logging/plugin-api-gateway-logging-common/package.json',
  ),
  '..',
  'src',
  '__fixtures__',
  'execution-logs',
);
// The fixtures written as CloudWatch holds events: `(requestId) message`.
const CLOUDWATCH_FIXTURES = [
  'ericallam-key-throttle-429.log',
  'ericallam-lambda-timeout-502.log',
  'ericallam-multi-request-malformed-502.log',
  'ericallam-parse-lambda-proxy-200.log',
  'tmobile-jazz-two-requests-200.log',
];
const BASE = '/api/api-gateway-logging';
const OLDER_ID = '0bd00000-0000-4000-8000-000000000001';
const ACCESS_FORMAT =
  '{"requestId":"$context.requestId","httpMethod":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status","errorResponseType":"$context.error.responseType"}';

function fixtureLines(): string[] {
  return CLOUDWATCH_FIXTURES.flatMap(name =>
    fs
      .readFileSync(path.join(FIXTURES, name), 'utf8')
      .split('\n')
      .filter(line => /^\([0-9a-f-]{36}\) /.test(line)),
  );
}

/**
 * Where the plugin reads: moto itself (exact phrases, what the local estate
 * uses), or the AWS-behaviour layer in front of it, with CloudWatch's real
 * filter-pattern semantics (the production any-term pattern), three empty
 * pages with a nextToken before every real one, and real pages of five
 * events, as AWS may answer.
 */
const MODES = [
  { name: 'moto, exact-phrase patterns', proxied: false },
  { name: 'the AWS-behaviour layer, any-term patterns', proxied: true },
];

describe('failures and traces, end to end against moto', () => {
  let moto: MotoServer;
  let proxy: AwsBehaviourProxy;
  let restArn: string;
  let httpArn: string;
  let expected: ExecutionTrace[];
  const now = Date.now();

  beforeAll(async () => {
    moto = await startMoto();
    const seeder = new MotoSeeder(moto.endpoint, 'us-east-1');
    const logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    });
    const restId = await seeder.restApi('fixtures');
    await seeder.restStage(restId, 'prod', {
      patch: [{ path: '/*/*/logging/loglevel', value: 'INFO' }],
    });
    restArn = `arn:aws:apigateway:us-east-1::/restapis/${restId}/stages/prod`;
    const executionGroup = `API-Gateway-Execution-Logs_${restId}/prod`;
    await seeder.logGroup(executionGroup);

    // The fixture traces, 10 ms apart from 20 minutes ago, spread over 20
    // streams, among an hour of generated successful requests.
    const lines = fixtureLines();
    const fixtureEvents: TrafficEvent[] = lines.map((message, i) => ({
      logStreamName: `stream-${(i * 7) % 20}`,
      timestamp: now - 20 * 60_000 + i * 10,
      message,
    }));
    const noise = generateStageTraffic(
      {
        name: 'fixtures',
        type: 'REST',
        accountId: '123456789012',
        region: 'us-east-1',
        id: restId,
        methods: [{ httpMethod: 'GET', resource: '/items', resourceId: 'r1' }],
        functionName: 'items',
        stages: [],
      },
      { name: 'prod', loggingLevel: 'INFO', requestsPerMinute: 20 },
      {
        from: now - 3_600_000,
        to: now - 60_000,
        requestsPerMinute: 20,
        streams: 20,
        weights: { ...zeroWeights(), success: 1 },
        seed: 7,
      },
    );
    // One older failure, 50 minutes ago: the request a capped search, which
    // keeps the newest, leaves out.
    const older = fixtureLines()
      .filter(l => l.startsWith('(286364ab-3a83-11e9-8dc8-db3cf4c83204)'))
      .map(l => l.replace('286364ab-3a83-11e9-8dc8-db3cf4c83204', OLDER_ID));
    await putEvents(logs, executionGroup, [
      ...noise.execution,
      ...fixtureEvents,
      ...older.map((message, i) => ({
        logStreamName: 'stream-older',
        timestamp: now - 50 * 60_000 + i * 10,
        message,
      })),
    ]);
    expected = parseExecutionLog([...lines, ...older].join('\n')).filter(
      t => t.failure,
    );

    // An HTTP API: access logs only.
    const httpId = await seeder.v2Api('orders', 'HTTP');
    await seeder.v2Stage(httpId, {
      StageName: '$default',
      AccessLogSettings: {
        DestinationArn:
          'arn:aws:logs:us-east-1:123456789012:log-group:/access/orders',
        Format: ACCESS_FORMAT,
      },
    });
    httpArn = `arn:aws:apigateway:us-east-1::/apis/${httpId}/stages/$default`;
    proxy = await startAwsBehaviourProxy(moto.endpoint, {
      filterPattern: matchesFilterPattern,
    });
    await seeder.logGroup('/access/orders');
    await putEvents(logs, '/access/orders', [
      accessEvent(
        '11111111-1111-4111-8111-111111111111',
        200,
        '-',
        now - 300_000,
      ),
      accessEvent(
        '22222222-2222-4222-8222-222222222222',
        429,
        'THROTTLED',
        now - 200_000,
      ),
      accessEvent(
        '33333333-3333-4333-8333-333333333333',
        504,
        'INTEGRATION_TIMEOUT',
        now - 100_000,
      ),
    ]);
  });

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  function zeroWeights() {
    return Object.fromEntries(
      Object.keys(SCENARIO_WEIGHTS).map(k => [k, 0]),
    ) as typeof SCENARIO_WEIGHTS;
  }

  function accessEvent(
    id: string,
    status: number,
    type: string,
    timestamp: number,
  ): TrafficEvent {
    return {
      logStreamName: 'access',
      timestamp,
      message: JSON.stringify({
        requestId: id,
        httpMethod: 'POST',
        routeKey: 'POST /orders',
        status: String(status),
        errorResponseType: type,
      }),
    };
  }

  let mode = MODES[0];
  async function start(
    result:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    failures: Record<string, unknown> = {},
    pages: { empty?: number; events?: number } = { empty: 3, events: 5 },
  ) {
    proxy.setRules(
      mode.proxied
        ? [
            {
              when: r => r.operation === 'FilterLogEvents',
              then: { kind: 'pages', ...pages },
            },
          ]
        : [],
    );
    const entities = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: 'fixtures-api',
          namespace: 'default',
          annotations: { 'aws.amazon.com/api-gateway-stage-arn': restArn },
        },
        spec: {
          type: 'openapi',
          lifecycle: 'production',
          owner: 'team-a',
          definition: '{}',
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: 'orders-api',
          namespace: 'default',
          annotations: { 'aws.amazon.com/api-gateway-stage-arn': httpArn },
        },
        spec: {
          type: 'openapi',
          lifecycle: 'production',
          owner: 'team-a',
          definition: '{}',
        },
      },
    ];
    const { server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            aws: {
              mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' },
            },
            apiGatewayLogging: {
              aws: {
                endpoint: mode.proxied ? proxy.endpoint : moto.endpoint,
                logsRequestsPerSecond: 200,
              },
              failures: {
                filterPatternMode: mode.proxied ? 'any-term' : 'exact-phrase',
                pageSize: 50,
                // FilterLogEvents here: moto's Logs Insights ignores filter
                // (the Insights path has its own tests).
                insights: { enabled: false },
                ...failures,
              },
            },
          },
        }),
        mockServices.permissions.factory({ result }),
      ],
    });
    return server;
  }

  describe.each(MODES)('through $name', m => {
    beforeAll(() => {
      mode = m;
    });

    it('lists the failing requests of the fixtures with their categories', async () => {
      const server = await start();
      const res = await request(server).get(
        `${BASE}/entities/default/api/fixtures-api/failures`,
      );
      expect(res.status).toBe(200);
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(
        res.body.items
          .map((i: any) => [i.requestId, i.category, i.status])
          .sort(),
      ).toEqual(
        expected.map(t => [t.requestId, t.failure!.category, t.status]).sort(),
      );
      expect(res.body.total).toBe(expected.length);
      expect(res.body.counts.throttled).toBe(1);
      expect(res.body.searched[0].logGroupNames[0]).toMatch(
        /^API-Gateway-Execution-Logs_/,
      );
      const bucketed = res.body.buckets.reduce(
        (n: number, b: any) =>
          n + Object.values(b.counts).reduce((a: number, c: any) => a + c, 0),
        0,
      );
      expect(bucketed).toBe(expected.length);
    });

    it('pages with a cursor that pins the window', async () => {
      const server = await start();
      const seen: string[] = [];
      let url = `${BASE}/entities/default/api/fixtures-api/failures?limit=2`;
      for (let page = 0; page < 20; page++) {
        const res = await request(server).get(url);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((i: any) => i.requestId));
        if (!res.body.nextCursor) break;
        url = `${BASE}/entities/default/api/fixtures-api/failures?limit=2&cursor=${res.body.nextCursor}`;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual(expected.map(t => t.requestId).sort());
    });

    it('filters by category', async () => {
      const server = await start();
      const res = await request(server).get(
        `${BASE}/entities/default/api/fixtures-api/failures?category=throttled`,
      );
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        category: 'throttled',
        status: 429,
      });
    });

    it('finds a request trace by id, redacted, with the window it searched', async () => {
      const server = await start();
      const throttled = expected.find(
        t => t.failure?.category === 'throttled',
      )!;
      const res = await request(server).get(
        `${BASE}/traces/${
          throttled.requestId
        }?entity=api:default/fixtures-api&around=${now - 20 * 60_000}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.trace).toMatchObject({
        requestId: throttled.requestId,
        status: 429,
        failure: { category: 'throttled' },
      });
      expect(res.body.stageArn).toBe(restArn);

      const success = parseExecutionLog(fixtureLines().join('\n')).find(
        t => t.status === 200,
      )!;
      const full = await request(server).get(
        `${BASE}/traces/${success.requestId}?entity=api:default/fixtures-api`,
      );
      expect(full.status).toBe(200);
      expect(full.body.trace.events.length).toBe(success.events.length);
      // Whatever the fixture carried in clear, the API serves redacted.
      expect(JSON.stringify(full.body)).not.toMatch(
        /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./,
      );
    });

    it('answers 404 naming the log groups and window for an unknown request', async () => {
      const server = await start();
      const res = await request(server).get(
        `${BASE}/traces/99999999-9999-4999-8999-999999999999?entity=api:default/fixtures-api`,
      );
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('API-Gateway-Execution-Logs_');
      expect(res.body.error.message).toMatch(/between \d{4}-\d\d-\d\dT/);
    });

    it('answers 400 for a malformed request id and 403 for a stage of another entity', async () => {
      const server = await start();
      const hostile = await request(server).get(
        `${BASE}/traces/${encodeURIComponent(
          '" ?"x',
        )}?entity=api:default/fixtures-api`,
      );
      expect(hostile.status).toBe(400);
      const otherStage = await request(server).get(
        `${BASE}/traces/99999999-9999-4999-8999-999999999999?entity=api:default/fixtures-api&stage=${encodeURIComponent(
          httpArn,
        )}`,
      );
      expect(otherStage.status).toBe(403);
      expect(otherStage.body.error.message).toContain(
        'does not belong to api:default/fixtures-api',
      );
    });

    it('lists failures of an HTTP API from its access log', async () => {
      const server = await start();
      const res = await request(server).get(
        `${BASE}/entities/default/api/orders-api/failures`,
      );
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((i: any) => [i.requestId, i.category, i.source]),
      ).toEqual([
        [
          '33333333-3333-4333-8333-333333333333',
          'integration-timeout',
          'access-log',
        ],
        ['22222222-2222-4222-8222-222222222222', 'throttled', 'access-log'],
      ]);
    });

    it('answers 403 when the traces permission is denied', async () => {
      const server = await start(AuthorizeResult.DENY);
      const failures = await request(server).get(
        `${BASE}/entities/default/api/fixtures-api/failures`,
      );
      expect(failures.status).toBe(403);
      expect(failures.body.error.message).toContain(
        'api-gateway-logging.traces.read',
      );
      const trace = await request(server).get(
        `${BASE}/traces/99999999-9999-4999-8999-999999999999?entity=api:default/fixtures-api`,
      );
      expect(trace.status).toBe(403);
    });

    it('finds a trace by its extended request id, and by an upper-case UUID', async () => {
      const server = await start();
      const throttled = expected.find(
        t => t.failure?.category === 'throttled',
      )!;
      expect(throttled.extendedRequestId).toBe('Vts2FFmArPEFh8g=');
      const byExtended = await request(server).get(
        `${BASE}/traces/${throttled.extendedRequestId}?entity=fixtures-api`,
      );
      expect(byExtended.status).toBe(200);
      // The whole request, not the one line that names the extended id.
      expect(byExtended.body.trace).toMatchObject({
        requestId: throttled.requestId,
        status: 429,
      });
      expect(byExtended.body.trace.events.length).toBe(throttled.events.length);
      const upper = await request(server).get(
        `${BASE}/traces/${throttled.requestId.toUpperCase()}?entity=fixtures-api`,
      );
      expect(upper.status).toBe(200);
      expect(upper.body.trace.requestId).toBe(throttled.requestId);
    });
  });

  describe('through the AWS-behaviour layer, with pages cut short', () => {
    beforeAll(() => {
      mode = MODES[1];
    });

    it('keeps the newest failures when a cap stops the search, and says how far it got', async () => {
      const server = await start(
        AuthorizeResult.ALLOW,
        { maxEventsPerQuery: 2 },
        { events: 5 },
      );
      const res = await request(server).get(
        `${BASE}/entities/default/api/fixtures-api/failures`,
      );
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(true);
      expect(res.body.searched[0].complete).toBe(false);
      // Searched from the newest back to before the burst 20 minutes ago,
      // not as far as the failure 50 minutes ago.
      expect(res.body.searchedFrom).toBeGreaterThan(now - 50 * 60_000);
      expect(res.body.searchedFrom).toBeLessThanOrEqual(now - 20 * 60_000);
      const listed = res.body.items.map((i: any) => i.requestId).sort();
      expect(listed).toEqual(
        expected
          .map(t => t.requestId)
          .filter(id => id !== OLDER_ID)
          .sort(),
      );
      // Without the cap, the older one is there too.
      const whole = await request(await start()).get(
        `${BASE}/entities/default/api/fixtures-api/failures`,
      );
      expect(whole.body.truncated).toBe(false);
      expect(whole.body.items.map((i: any) => i.requestId)).toContain(OLDER_ID);
    });

    it('follows empty pages that carry a nextToken to the end (more than the old page cap)', async () => {
      const server = await start(AuthorizeResult.ALLOW, {}, { empty: 12 });
      const res = await request(server).get(
        `${BASE}/entities/default/api/fixtures-api/failures`,
      );
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(false);
      expect(res.body.items.map((i: any) => i.requestId).sort()).toEqual(
        expected.map(t => t.requestId).sort(),
      );
    });

    it('answers a trace search cut short with how far it got, never a false 404', async () => {
      // Each real page behind 60 empty ones: the calls a lookup may make run
      // out before the window is read.
      const server = await start(AuthorizeResult.ALLOW, {}, { empty: 60 });
      const res = await request(server).get(
        `${BASE}/traces/99999999-9999-4999-8999-999999999999?entity=fixtures-api`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        found: false,
        searched: { complete: false },
      });
      expect(res.body.trace).toBeUndefined();
    });
  });
});
