import express from 'express';
import supertest from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthenticationError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityAuditResponse,
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { assertMatchesSpec, openApi } from '../__testUtils__/openapi';
import { createRouter, RouterOptions } from './createRouter';

/*
 * The router with mocked services: every status every route can return,
 * each response validated against openapi.yaml, and every status the
 * document promises exercised (so neither can drift from the other).
 */

const ENTITY = 'api:default/payments-api';
const ARN = 'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod';
const linked = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments-api' },
  },
  entityRef: ENTITY,
  selector: { kind: 'arns' as const, stages: [] },
};
const summary = {
  stages: 1,
  checks: { pass: 1, fail: 0, warn: 0, 'not-applicable': 0, error: 0 },
  failingStages: 0,
  unreadableStages: 0,
};
const totals = {
  entities: 0,
  linked: 0,
  notLinked: 0,
  entitiesWithErrors: 0,
  stages: 0,
  passingStages: 0,
  warningStages: 0,
  failingStages: 0,
  unreadableStages: 0,
  checks: [],
};
const audit: EntityAuditResponse = {
  entityRef: ENTITY,
  selector: 'arns',
  generatedAt: new Date(0).toISOString(),
  stages: [
    {
      arn: ARN,
      apiId: 'paymentsv1',
      apiType: 'REST',
      stageName: 'prod',
      region: 'us-east-1',
      status: 'pass',
      checks: [
        {
          id: 'access-logging',
          title: 'Access logging',
          status: 'pass',
          severity: 'high',
          message: 'Access logs go to x.',
          evidence: { destinationArn: 'x' },
        },
      ],
    },
  ],
  discoveryErrors: [],
  summary,
};
const failures: FailuresResponse = {
  entityRef: ENTITY,
  from: 0,
  to: 60_000,
  items: [],
  counts: {},
  buckets: [{ start: 0, counts: {} }],
  bucketMs: 60_000,
  total: 0,
  searched: [
    {
      stageArn: ARN,
      stageName: 'prod',
      apiType: 'REST',
      logGroupNames: ['g'],
      complete: true,
      searchedFrom: 0,
    },
  ],
  errors: [],
  notes: [],
  truncated: false,
};
const trace: TraceResponse = {
  entityRef: ENTITY,
  requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
  found: true,
  stageArn: ARN,
  stageName: 'prod',
  apiType: 'REST',
  region: 'us-east-1',
  trace: { requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0', events: [] },
  searched: { logGroupNames: ['g'], from: 0, to: 1, complete: true },
  errors: [],
};

const sweepStatus = {
  running: false,
  lastStartedAt: new Date(0).toISOString(),
  lastFinishedAt: new Date(1000).toISOString(),
  stages: 1,
  lastOutcome: 'done' as const,
};
const stageHistory = {
  stageArn: ARN,
  stageName: 'prod',
  versions: [
    {
      seenAt: new Date(7_200_000).toISOString(),
      previousSeenAt: new Date(3_600_000).toISOString(),
      deploymentId: 'abc123',
      status: 'fail' as const,
      changes: [{ what: 'Execution logging', from: 'ERROR', to: 'OFF' }],
      summary:
        'Execution logging ERROR → OFF, between 01:00 and 02:00 UTC on 1 Jan 1970, deployment abc123',
    },
  ],
};
const coverageDays = [
  {
    day: '1970-01-01',
    stages: 1,
    checks: [{ id: 'access-logging', passing: 1, applicable: 1 }],
  },
];

function services() {
  return {
    auditor: mockServices.auditor.mock(),
    history: {
      stageHistory: jest.fn().mockResolvedValue(stageHistory),
      entityHistory: jest.fn().mockResolvedValue({
        entityRef: ENTITY,
        stages: [stageHistory],
        coverage: coverageDays,
      }),
      coverageHistory: jest
        .fn()
        .mockResolvedValue({ scope: 'fleet', days: coverageDays }),
    },
    sweep: {
      status: jest.fn().mockResolvedValue(sweepStatus),
      trigger: jest.fn().mockResolvedValue(undefined),
    },
    entities: { loadLinked: jest.fn().mockResolvedValue(linked) },
    audit: {
      auditEntity: jest.fn().mockResolvedValue(audit),
      refreshEntity: jest.fn().mockResolvedValue(audit),
      auditStage: jest.fn(),
      listChecks: jest.fn().mockReturnValue([
        {
          id: 'access-logging',
          title: 'Access logging',
          severity: 'high',
          description: 'd',
          reads: ['stage'],
          builtIn: true,
        },
      ]),
    },
    coverage: {
      report: jest.fn().mockResolvedValue({
        generatedAt: new Date(0).toISOString(),
        sweep: { running: false },
        filters: {},
        sort: 'failing',
        order: 'desc',
        offset: 0,
        limit: 50,
        total: 0,
        summary: totals,
        matching: totals,
        entities: [],
      }),
      unclaimed: jest.fn().mockResolvedValue({
        sweep: sweepStatus,
        total: 1,
        offset: 0,
        limit: 50,
        stages: [{ ...audit.stages[0], tags: { team: 'payments' } }],
      }),
    },
    failures: { listFailures: jest.fn().mockResolvedValue(failures) },
    traces: {
      getTrace: jest.fn().mockResolvedValue(trace),
      keepTrace: jest.fn().mockResolvedValue({
        ...trace,
        source: 'kept',
        kept: { by: 'user:default/alice', at: new Date(0).toISOString() },
      }),
    },
  };
}

const exercised = new Set<string>();

async function app(
  overrides: Partial<ReturnType<typeof services>> = {},
  options: { deny?: boolean; unauthenticated?: boolean } = {},
) {
  const httpAuth = mockServices.httpAuth();
  if (options.unauthenticated) {
    httpAuth.credentials = async () => {
      throw new AuthenticationError('Missing credentials');
    };
  }
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      })),
  });
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth,
    permissions,
    ...services(),
    ...overrides,
    logQueries: {
      defaultWindowMs: 3_600_000,
      maxWindowMs: 86_400_000,
      pageSize: 100,
      filterPatternMode: 'any-term',
      maxEventsPerQuery: 1000,
      maxCallsPerQuery: 100,
      traceWindowMs: 900_000,
      requestDeadlineMs: 25_000,
    },
  } as unknown as RouterOptions);
  const server = express().use('/api/api-gateway-logging', router);
  const call = async (
    method: 'get' | 'post',
    url: string,
    expected: number,
    request: { accept?: string; body?: object } = {},
  ) => {
    const full = `/api/api-gateway-logging${url}`;
    let test = supertest(server)
      [method](full)
      .set('accept', request.accept ?? 'application/json');
    if (request.body) test = test.send(request.body);
    const res = await test;
    expect(res.status).toBe(expected);
    assertMatchesSpec(method, full, res);
    if (res.status >= 400) {
      expect(res.body.error.message.length).toBeGreaterThan(15);
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
    const op = openApi().operations.find(
      o => o.method === method && o.pattern.test(url.split('?')[0]),
    );
    if (op) exercised.add(`${method} ${op.template} ${res.status}`);
    return res;
  };
  const get = (url: string, expected: number, accept?: string) =>
    call('get', url, expected, { accept });
  return Object.assign(get, {
    post: (url: string, expected: number, body?: object) =>
      call('post', url, expected, { body }),
  });
}

const E = '/entities/default/api/payments-api';

describe('createRouter (mocked services)', () => {
  it('answers 200 on every route, as documented', async () => {
    const expectStatus = await app();
    await expectStatus('/health', 200);
    await expectStatus('/checks', 200);
    await expectStatus(`${E}/stages`, 200);
    await expectStatus(`${E}/audit`, 200);
    await expectStatus('/audit', 200);
    await expectStatus('/audit?format=csv', 200);
    await expectStatus(`${E}/failures?stage=prod`, 200);
    await expectStatus(`/traces/${trace.requestId}?entity=payments-api`, 200);
    await expectStatus.post(`${E}/audit/refresh`, 200);
    await expectStatus(`${E}/history?days=7`, 200);
    await expectStatus(`/history/stages?arn=${encodeURIComponent(ARN)}`, 200);
    await expectStatus('/history/coverage?owner=team-a', 200);
    await expectStatus('/unclaimed?status=fail', 200);
    await expectStatus('/sweeps/latest', 200);
    await expectStatus.post('/sweeps', 202);
    await expectStatus.post(`/traces/${trace.requestId}/keep`, 201, {
      entity: 'payments-api',
      ticketUrl: 'https://tickets.example.com/INC-1',
    });
  });

  it('records who read and kept which trace with the auditor', async () => {
    const deps = services();
    const expectStatus = await app(deps);
    await expectStatus(`/traces/${trace.requestId}?entity=payments-api`, 200);
    await expectStatus.post(`/traces/${trace.requestId}/keep`, 201, {
      entity: 'payments-api',
    });
    expect(deps.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'trace-read',
        meta: { entityRef: ENTITY, requestId: trace.requestId },
      }),
    );
    expect(deps.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'trace-keep' }),
    );
    expect(deps.traces.keepTrace).toHaveBeenCalledWith(
      linked,
      expect.objectContaining({ requestId: trace.requestId }),
      expect.objectContaining({ by: expect.stringContaining('user:') }),
    );
  });

  it('answers 400 with what is wrong on every route that takes input', async () => {
    const expectStatus = await app();
    await expectStatus('/checks?x=1', 400);
    await expectStatus('/entities/default/api/bad%20name!/stages', 400);
    await expectStatus('/entities/default/api/bad%20name!/audit', 400);
    await expectStatus('/audit?check=Not_A_Check', 400);
    await expectStatus('/audit?check=no-such-check', 400);
    await expectStatus(`${E}/failures?from=tomorrow`, 400);
    await expectStatus('/traces/%22%20OR%201=1?entity=payments-api', 400);
    await expectStatus.post(`${E}/audit/refresh?now=1`, 400);
    await expectStatus(`${E}/history?days=0`, 400);
    await expectStatus('/history/stages', 400);
    await expectStatus('/history/stages?arn=arn:aws:s3:::bucket', 400);
    await expectStatus('/history/coverage?owner=a&system=b', 400);
    await expectStatus('/unclaimed?status=bogus', 400);
    await expectStatus('/sweeps/latest?x=1', 400);
    await expectStatus.post('/sweeps?x=1', 400);
    const badUrl = await expectStatus.post(
      `/traces/${trace.requestId}/keep`,
      400,
      // eslint-disable-next-line no-script-url -- a hostile ticket link
      { entity: 'payments-api', ticketUrl: 'javascript:alert(1)' },
    );
    expect(badUrl.body.error.message).toContain('ticketUrl');
    await expectStatus.post(`/traces/${trace.requestId}/keep`, 400, {});
  });

  it('answers 401 without credentials', async () => {
    const expectStatus = await app({}, { unauthenticated: true });
    for (const url of [
      '/checks',
      `${E}/stages`,
      `${E}/audit`,
      '/audit',
      `${E}/failures`,
      `/traces/${trace.requestId}?entity=payments-api`,
      `${E}/history`,
      `/history/stages?arn=${encodeURIComponent(ARN)}`,
      '/history/coverage',
      '/unclaimed',
      '/sweeps/latest',
    ]) {
      await expectStatus(url, 401);
    }
    await expectStatus.post(`${E}/audit/refresh`, 401);
    await expectStatus.post('/sweeps', 401);
    await expectStatus.post(`/traces/${trace.requestId}/keep`, 401, {
      entity: 'payments-api',
    });
  });

  it('answers 403 when the permission is denied', async () => {
    const expectStatus = await app({}, { deny: true });
    await expectStatus('/checks', 403);
    await expectStatus(`${E}/audit`, 403);
    await expectStatus('/audit', 403);
    await expectStatus(`${E}/failures`, 403);
    await expectStatus(`/traces/${trace.requestId}?entity=payments-api`, 403);
    await expectStatus.post(`${E}/audit/refresh`, 403);
    await expectStatus(`${E}/history`, 403);
    await expectStatus(`/history/stages?arn=${encodeURIComponent(ARN)}`, 403);
    await expectStatus('/history/coverage', 403);
    await expectStatus('/unclaimed', 403);
    await expectStatus('/sweeps/latest', 403);
    const sweep = await expectStatus.post('/sweeps', 403);
    expect(sweep.body.error.message).toContain('api-gateway-logging.sweep.run');
    await expectStatus.post(`/traces/${trace.requestId}/keep`, 403, {
      entity: 'payments-api',
    });
  });

  it('answers 404 for an unknown entity, request or route', async () => {
    const missing = {
      loadLinked: jest
        .fn()
        .mockRejectedValue(new NotFoundError('No entity api:default/nope')),
    };
    const expectStatus = await app({ entities: missing });
    await expectStatus(`${E}/stages`, 404);
    await expectStatus(`${E}/audit`, 404);
    await expectStatus(`${E}/failures`, 404);
    await expectStatus.post(`${E}/audit/refresh`, 404);
    await expectStatus(`${E}/history`, 404);
    const notFound = new NotFoundError('No request x in g');
    const expectNoTrace = await app({
      traces: {
        getTrace: jest.fn().mockRejectedValue(notFound),
        keepTrace: jest.fn().mockRejectedValue(notFound),
      },
      history: {
        ...services().history,
        stageHistory: jest
          .fn()
          .mockRejectedValue(new NotFoundError('No history for stage x')),
      },
    });
    await expectNoTrace(`/traces/${trace.requestId}?entity=payments-api`, 404);
    await expectNoTrace.post(`/traces/${trace.requestId}/keep`, 404, {
      entity: 'payments-api',
    });
    await expectNoTrace(`/history/stages?arn=${encodeURIComponent(ARN)}`, 404);
    const unknown = await expectStatus('/no/such/route', 404);
    expect(unknown.body.error.message).toContain('No route GET /no/such/route');
  });

  it('answers 503 when AWS cannot be read', async () => {
    const outage = new ServiceUnavailableError('AWS did not answer: logs');
    const expectStatus = await app({
      failures: { listFailures: jest.fn().mockRejectedValue(outage) },
      traces: {
        getTrace: jest.fn().mockRejectedValue(outage),
        keepTrace: jest.fn().mockRejectedValue(outage),
      },
    });
    await expectStatus(`${E}/failures`, 503);
    await expectStatus(`/traces/${trace.requestId}?entity=payments-api`, 503);
    await expectStatus.post(`/traces/${trace.requestId}/keep`, 503, {
      entity: 'payments-api',
    });
  });

  it('answers a generic 500 without a stack for a bug of ours', async () => {
    const logger = mockServices.logger.mock();
    const router = await createRouter({
      logger,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      ...services(),
      audit: {
        ...services().audit,
        auditEntity: jest
          .fn()
          .mockRejectedValue(new TypeError("reading 'stages' of undefined")),
      },
    } as unknown as RouterOptions);
    const res = await supertest(
      express().use('/api/api-gateway-logging', router),
    ).get(`/api/api-gateway-logging${E}/audit`);
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({
      name: 'Error',
      message:
        'The api-gateway-logging backend failed unexpectedly; the backend log has the details.',
    });
    expect(JSON.stringify(res.body)).not.toContain('stages');
    expect(logger.error).toHaveBeenCalled();
  });

  // Runs last (tests of a file run in order): every documented status of
  // every route was served by a test above.
  it('served every status openapi.yaml documents', () => {
    const documented = openApi().operations.flatMap(op =>
      [...op.statuses.keys()].map(
        status => `${op.method} ${op.template} ${status}`,
      ),
    );
    expect(documented.filter(d => !exercised.has(d))).toEqual([]);
  });
});
