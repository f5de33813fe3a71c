import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import supertest from 'supertest';
import {
  AwsBehaviourProxy,
  MotoServer,
  startAwsBehaviourProxy,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { request } from './__testUtils__/openapi';
import { Estate, estateConfig, seedEstate } from './__testUtils__/estate';
import { apiGatewayLoggingPlugin } from './plugin';

jest.setTimeout(300_000);

/*
 * Hostile input on every route and parameter, as an attacker would send it:
 * filter-pattern syntax, path traversal, unicode and control characters,
 * 10 KB values, extreme and reversed times, forged and tampered cursors,
 * repeated and unknown parameters. No 5xx, no stack, a message on every
 * 4xx (each response also matches openapi.yaml), and no hostile string
 * ever reaches a CloudWatch filter pattern.
 */

const BASE = '/api/api-gateway-logging';
const ID = '3323ffe5-6ddf-45c8-896a-b45ec2284cc0';
const tampered = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const HOSTILE = [
  '"',
  '?"a" ?"b"',
  '{ $.status = 500 }',
  '%.*%',
  '-Unauthorized',
  '[ip, user, status = 4*]',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '\u0000',
  '\u202egnp.exe',
  '😀 é ß',
  '\r\nSet-Cookie: session=stolen',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'a'.repeat(10_240),
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2013-12-31T23:59:59Z',
  '99999999999999999',
  '1e400',
  '-1',
  'NaN',
  tampered({ v: 1, from: 0, to: 1, offset: -1 }),
  tampered({ v: 1, from: 2, to: 1, offset: 0 }),
  tampered({ v: 2, from: 0, to: 1, offset: 0 }),
  tampered({ v: 1, from: 0, to: 9e15, offset: 1e300 }),
];

const E = '/entities/default/api/petstore';
const PARAMS: Record<string, string[]> = {
  '/checks': ['x'],
  '/audit': [
    'owner',
    'system',
    'check',
    'status',
    'format',
    'search',
    'sort',
    'order',
    'offset',
    'limit',
    'x',
  ],
  [`${E}/stages`]: ['x'],
  [`${E}/audit`]: ['x'],
  [`${E}/failures`]: [
    'from',
    'to',
    'category',
    'stage',
    'cursor',
    'limit',
    'x',
  ],
  [`/traces/${ID}?entity=petstore`]: ['stage', 'around', 'entity', 'x'],
  // The stored audit's routes.
  [`/history/stages?arn=${encodeURIComponent(
    'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
  )}`]: ['arn', 'account', 'limit', 'x'],
  '/history/coverage': ['owner', 'system', 'days', 'x'],
  [`${E}/history`]: ['days', 'x'],
  '/unclaimed': ['search', 'status', 'offset', 'limit', 'x'],
  '/sweeps/latest': ['x'],
};

describe('hostile input', () => {
  let moto: MotoServer;
  let proxy: AwsBehaviourProxy;
  let estate: Estate;
  let server: any;
  const outcomes: Array<{ url: string; status: number }> = [];

  beforeAll(async () => {
    moto = await startMoto();
    estate = await seedEstate(moto.endpoint);
    proxy = await startAwsBehaviourProxy(moto.endpoint);
    const config = estateConfig(proxy.endpoint, estate);
    const api = (name: string, annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name, namespace: 'default', annotations },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a' },
    });
    ({ server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({
          entities: [
            api('petstore', {
              'aws.amazon.com/api-gateway-stage-arn': estate.arns.restProd,
            }),
          ],
        }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    }));
  });

  afterAll(async () => {
    const fives = outcomes.filter(o => o.status >= 500).length;
    process.stdout.write(
      `\nhostile input: ${outcomes.length} requests sent, ${fives} answered 5xx\n`,
    );
    await proxy?.stop();
    await moto?.stop();
  });

  async function expectAnswer(url: string) {
    const res = await request(server).get(url);
    outcomes.push({ url, status: res.status });
    expect(res.status).toBeLessThan(500);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
    if (res.status >= 400) {
      expect(res.body.error.message.length).toBeGreaterThan(20);
    }
    return res;
  }

  it('answers every hostile query parameter with a 4xx or a 200, never a 5xx', async () => {
    for (const [route, params] of Object.entries(PARAMS)) {
      for (const param of params) {
        for (const value of HOSTILE) {
          const sep = route.includes('?') ? '&' : '?';
          await expectAnswer(
            `${BASE}${route}${sep}${param}=${encodeURIComponent(value)}`,
          );
        }
      }
    }
  });

  it('answers hostile path segments and request ids', async () => {
    for (const value of HOSTILE) {
      const segment = encodeURIComponent(value);
      for (const suffix of ['stages', 'audit', 'failures']) {
        await expectAnswer(
          `${BASE}/entities/${segment}/api/petstore/${suffix}`,
        );
        await expectAnswer(
          `${BASE}/entities/default/${segment}/petstore/${suffix}`,
        );
        await expectAnswer(`${BASE}/entities/default/api/${segment}/${suffix}`);
      }
      await expectAnswer(`${BASE}/traces/${segment}?entity=petstore`);
    }
  });

  async function expectPostAnswer(url: string, body?: unknown) {
    let req = request(server).post(url);
    if (typeof body === 'string') {
      req = req.set('Content-Type', 'application/json').send(body);
    } else if (body !== undefined) {
      req = req.send(body as object);
    }
    const res = await req;
    outcomes.push({ url: `POST ${url}`, status: res.status });
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toMatch(
      /\n\s+at |\.ts:\d+|node_modules/,
    );
    if (res.status >= 400) {
      expect(res.body.error.message.length).toBeGreaterThan(20);
    }
    return res;
  }

  it('answers hostile bodies and paths on the routes that write, never a 5xx', async () => {
    const keep = `${BASE}/traces/${ID}/keep`;
    for (const value of HOSTILE) {
      for (const field of ['entity', 'stage', 'around', 'ticketUrl']) {
        await expectPostAnswer(keep, { entity: 'petstore', [field]: value });
      }
      await expectPostAnswer(
        `${BASE}/traces/${encodeURIComponent(value)}/keep`,
        { entity: 'petstore' },
      );
      const segment = encodeURIComponent(value);
      await expectPostAnswer(
        `${BASE}/entities/default/api/${segment}/audit/refresh`,
      );
      await expectPostAnswer(
        `${BASE}${E}/audit/refresh?x=${encodeURIComponent(value)}`,
      );
      await expectPostAnswer(`${BASE}/sweeps?x=${encodeURIComponent(value)}`);
    }
    // Bodies that are not the object the route reads.
    for (const body of [
      '{',
      '[]',
      'null',
      '"petstore"',
      '{"entity": 1}',
      '{"entity": "petstore", "ticketUrl": "javascript:alert(1)"}',
      JSON.stringify({ entity: 'petstore', extra: 'x'.repeat(10_240) }),
    ]) {
      const res = await expectPostAnswer(keep, body);
      expect(res.status).toBe(400);
    }
    const broken = await expectPostAnswer(keep, '{');
    expect(broken.body.error.message).toContain('not valid JSON');
    const huge = await expectPostAnswer(
      keep,
      JSON.stringify({ entity: 'petstore', stage: 'x'.repeat(200_000) }),
    );
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain('larger than the 100 kB');
  });

  it('refuses repeated, reversed, too long and unknown parameters, saying which', async () => {
    const cases: Array<[string, string]> = [
      [`${E}/failures?from=1&from=2`, 'from is given more than once'],
      [
        `${E}/failures?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`,
        'from must be before to',
      ],
      [
        `${E}/failures?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z`,
        'at most 24 hours',
      ],
      [`${E}/failures?from=2013-06-01T00:00:00Z`, 'before 2014-01-01'],
      [`${E}/failures?to=2999-01-01T00:00:00Z`, 'in the future'],
      [
        `/traces/${ID}?entity=petstore&around=2999-01-01T00:00:00Z`,
        'in the future',
      ],
      [
        `/traces/${ID}?entity=petstore&around=+275760-09-13T00:00:00.000Z`,
        'around',
      ],
      [`/traces/${ID}`, 'entity is required'],
      [`/audit?colour=red`, 'unknown parameter colour'],
      [`/audit?check=log-shipping`, 'is not one the audit runs'],
      [`${E}/failures?limit=501`, 'between 1 and 500'],
      [`/audit?limit=201`, 'between 1 and 200'],
      [`/history/coverage?owner=a&system=b`, 'not both'],
      [`/history/coverage?days=401`, '400'],
      [`/history/stages`, 'arn'],
      [`/unclaimed?status=green`, 'status'],
    ];
    for (const [url, message] of cases) {
      const res = await expectAnswer(`${BASE}${url}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    const ok = await expectAnswer(`${BASE}${E}/failures?limit=500`);
    expect(ok.status).toBe(200);
  });

  it('never lets a hostile string into a filter pattern', () => {
    const patterns = proxy.requests
      .filter(r => r.operation === 'FilterLogEvents')
      .map(r => String(r.json?.filterPattern ?? ''));
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      for (const value of HOSTILE.filter(v => v.length >= 3)) {
        expect(pattern).not.toContain(value);
      }
    }
  });

  it('answers an unknown path with the usual JSON error', async () => {
    const res = await expectAnswer(
      `${BASE}/entities/default/api/petstore/nope`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('No route GET');
  });
});

describe('permissions', () => {
  it('refuses the audit, the coverage, the checks, failures and traces to a denied caller', async () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'petstore',
        namespace: 'default',
        annotations: {
          'aws.amazon.com/api-gateway-stage-arn':
            'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
        },
      },
      spec: {},
    };
    const { server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    for (const url of [
      '/checks',
      '/audit',
      `${E}/audit`,
      `${E}/failures`,
      `/traces/${ID}?entity=petstore`,
      `${E}/history`,
      '/history/coverage',
      `/history/stages?arn=${encodeURIComponent(
        'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
      )}`,
      '/unclaimed',
    ]) {
      const res = await request(server).get(`${BASE}${url}`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(
        /api-gateway-logging\.(audit|traces)\.read/,
      );
    }
  });
});

describe('in production mode', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
  });

  async function unauthenticated(mode: string) {
    process.env.NODE_ENV = mode;
    const { server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    return supertest(server)
      .get(`${BASE}/audit`)
      .set('authorization', 'Bearer not-a-valid-token');
  }

  it('answers the auth middleware 401 without a stack trace', async () => {
    const res = await unauthenticated('production');
    expect(res.status).toBe(401);
    expect(res.body.error.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|\n\s+at /);
    // The same check sees the stack Backstage adds in development.
    const dev = await unauthenticated('development');
    expect(JSON.stringify(dev.body)).toMatch(/stack/);
  });
});
