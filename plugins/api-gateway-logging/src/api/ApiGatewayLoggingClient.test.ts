import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { ApiGatewayLoggingClient } from './ApiGatewayLoggingClient';

const baseUrl = 'http://backend.test/api/api-gateway-logging';
const server = setupServer();

registerMswTestHooks(server);

describe('ApiGatewayLoggingClient', () => {
  const client = new ApiGatewayLoggingClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
  const ref = { kind: 'api', namespace: 'default', name: 'my api/1' };

  it('encodes every path segment and returns the body', async () => {
    server.use(
      rest.get(
        `${baseUrl}/entities/default/api/:name/stages`,
        (req, res, ctx) =>
          res(
            ctx.json({
              entityRef: `api:default/${req.params.name}`,
              selector: 'arns',
              stages: [],
            }),
          ),
      ),
    );
    await expect(client.getEntityStages(ref)).resolves.toEqual({
      entityRef: 'api:default/my api/1',
      selector: 'arns',
      stages: [],
    });
  });

  it.each([400, 401, 403, 404, 429, 500, 503, 504])(
    'turns a %i into a ResponseError carrying the backend message',
    async status => {
      server.use(
        rest.get(
          `${baseUrl}/entities/default/api/:name/stages`,
          (_req, res, ctx) =>
            res(
              ctx.status(status),
              ctx.json({
                error: { name: 'Error', message: `backend says ${status}` },
                request: { method: 'GET', url: '/x' },
                response: { statusCode: status },
              }),
            ),
        ),
      );
      const error = await client.getEntityStages(ref).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.response.status).toBe(status);
      expect(error.body.error.message).toBe(`backend says ${status}`);
    },
  );

  it('reports a non-JSON error body without crashing', async () => {
    server.use(
      rest.get(
        `${baseUrl}/entities/default/api/:name/stages`,
        (_req, res, ctx) =>
          res(ctx.status(502), ctx.text('<html>Bad gateway</html>')),
      ),
    );
    const error = await client.getEntityStages(ref).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(502);
  });
});

describe('ApiGatewayLoggingClient endpoints', () => {
  const client = new ApiGatewayLoggingClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
  const ref = { kind: 'api', namespace: 'default', name: 'payments-api' };
  const entityBase = `${baseUrl}/entities/default/api/payments-api`;

  /** Every call, the route it hits, and how to make it. */
  const calls: Array<[string, string, () => Promise<unknown>]> = [
    ['getEntityAudit', `${entityBase}/audit`, () => client.getEntityAudit(ref)],
    ['getCoverage', `${baseUrl}/audit`, () => client.getCoverage()],
    ['getCoverageCsv', `${baseUrl}/audit`, () => client.getCoverageCsv()],
    ['getFailures', `${entityBase}/failures`, () => client.getFailures(ref)],
    [
      'getTrace',
      `${baseUrl}/traces/:id`,
      () =>
        client.getTrace({
          requestId: 'r-1',
          entityRef: 'api:default/payments-api',
        }),
    ],
  ];

  /** Answers GET `route` with `{}`, keeping the last request's URL. */
  function capture(route: string) {
    const seen: { url?: URL } = {};
    server.use(
      rest.get(route, (req, res, ctx) => {
        seen.url = req.url;
        return res(ctx.json({}));
      }),
    );
    return seen;
  }

  it('sends the coverage filters and only those set', async () => {
    const seen = capture(`${baseUrl}/audit`);
    await client.getCoverage({
      owner: 'group:default/team-a',
      status: 'fail',
      check: undefined,
    });
    expect(seen.url?.search).toBe(
      '?owner=group%3Adefault%2Fteam-a&status=fail',
    );
    await client.getCoverage();
    expect(seen.url?.search).toBe('');
  });

  it('sends the sort, search and page of the coverage', async () => {
    const seen = capture(`${baseUrl}/audit`);
    await client.getCoverage({
      search: 'pay',
      sort: 'name',
      order: 'asc',
      offset: 100,
      limit: 50,
    });
    expect(Object.fromEntries(seen.url!.searchParams)).toEqual({
      search: 'pay',
      sort: 'name',
      order: 'asc',
      offset: '100',
      limit: '50',
    });
  });

  it('asks the CSV for every matching entity, not a page', async () => {
    let url: URL | undefined;
    server.use(
      rest.get(`${baseUrl}/audit`, (req, res, ctx) => {
        url = req.url;
        return res(ctx.set('Content-Type', 'text/csv'), ctx.body('a'));
      }),
    );
    await client.getCoverageCsv({
      search: 'pay',
      sort: 'owner',
      offset: 50,
      limit: 50,
    });
    expect(Object.fromEntries(url!.searchParams)).toEqual({
      search: 'pay',
      sort: 'owner',
      format: 'csv',
    });
  });

  it('reads unclaimed stages, stage and coverage history, and sweeps', async () => {
    const seen: string[] = [];
    server.use(
      rest.get(`${baseUrl}/*`, (req, res, ctx) => {
        seen.push(`${req.url.pathname}${req.url.search}`);
        return res(ctx.json({}));
      }),
    );
    await client.getUnclaimed({ search: 'orders', status: 'fail', limit: 25 });
    await client.getStageHistory({
      stage: 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod',
      account: '123456789012',
    });
    await client.getEntityHistory(ref, { days: 30 });
    await client.getCoverageHistory({ owner: 'group:default/team-a' });
    await client.getLatestSweep();
    expect(seen).toEqual([
      '/api/api-gateway-logging/unclaimed?search=orders&status=fail&limit=25',
      '/api/api-gateway-logging/history/stages?stage=arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Frestapis%2Fa1%2Fstages%2Fprod&account=123456789012',
      '/api/api-gateway-logging/entities/default/api/payments-api/history?days=30',
      '/api/api-gateway-logging/history/coverage?owner=group%3Adefault%2Fteam-a',
      '/api/api-gateway-logging/sweeps/latest',
    ]);
  });

  it('posts a re-check, a sweep and a kept trace', async () => {
    const posts: Array<{ path: string; body: unknown; type: string | null }> =
      [];
    server.use(
      rest.post(`${baseUrl}/*`, async (req, res, ctx) => {
        const text = await req.text();
        posts.push({
          path: req.url.pathname,
          body: text ? JSON.parse(text) : undefined,
          type: req.headers.get('content-type'),
        });
        return res(
          ctx.status(req.url.pathname.endsWith('sweeps') ? 202 : 200),
          ctx.json({ ok: true }),
        );
      }),
    );
    await client.refreshEntityAudit(ref);
    await client.startSweep();
    await expect(
      client.keepTrace('a/b', {
        entity: 'api:default/payments-api',
        stage: 'prod',
        ticketUrl: 'https://tickets.example.com/INC-1',
      }),
    ).resolves.toEqual({ ok: true });
    expect(posts).toEqual([
      {
        path: '/api/api-gateway-logging/entities/default/api/payments-api/audit/refresh',
        body: undefined,
        type: null,
      },
      { path: '/api/api-gateway-logging/sweeps', body: undefined, type: null },
      {
        path: '/api/api-gateway-logging/traces/a%2Fb/keep',
        body: {
          entity: 'api:default/payments-api',
          stage: 'prod',
          ticketUrl: 'https://tickets.example.com/INC-1',
        },
        type: 'application/json',
      },
    ]);
  });

  it('turns a refused re-check (403, 429) into a ResponseError', async () => {
    for (const status of [403, 429]) {
      server.use(
        rest.post(`${entityBase}/audit/refresh`, (_req, res, ctx) =>
          res(
            ctx.status(status),
            ctx.json({
              error: { name: 'Error', message: `no ${status}` },
              request: { method: 'POST', url: '/x' },
              response: { statusCode: status },
            }),
          ),
        ),
      );
      const error = (await client
        .refreshEntityAudit(ref)
        .catch(e => e)) as ResponseError;
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.response.status).toBe(status);
    }
  });

  it('downloads the CSV with the same filters', async () => {
    server.use(
      rest.get(`${baseUrl}/audit`, (req, res, ctx) =>
        res(
          ctx.set('Content-Type', 'text/csv'),
          ctx.body(
            `format=${req.url.searchParams.get(
              'format',
            )},system=${req.url.searchParams.get('system')}`,
          ),
        ),
      ),
    );
    const blob = await client.getCoverageCsv({
      system: 'system:default/payments',
    });
    expect(await blob.text()).toBe('format=csv,system=system:default/payments');
  });

  it('pages failures with the window, filters and cursor', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      rest.get(`${entityBase}/failures`, (req, res, ctx) => {
        params = req.url.searchParams;
        return res(ctx.json({ items: [] }));
      }),
    );
    await client.getFailures(ref, {
      from: 1000,
      to: 2000,
      category: 'throttled',
      stage: 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod',
      cursor: 'abc',
      limit: 50,
    });
    expect(Object.fromEntries(params!)).toEqual({
      from: '1000',
      to: '2000',
      category: 'throttled',
      stage: 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod',
      cursor: 'abc',
      limit: '50',
    });
  });

  it('encodes the request id and names the entity, stage and time', async () => {
    let url: URL | undefined;
    server.use(
      rest.get(`${baseUrl}/traces/:id`, (req, res, ctx) => {
        url = req.url;
        return res(ctx.json({ requestId: req.params.id }));
      }),
    );
    await expect(
      client.getTrace({
        requestId: 'a/b c',
        entityRef: 'api:default/payments-api',
        stage: 'arn:x',
        around: 1234,
      }),
    ).resolves.toEqual({ requestId: 'a/b c' });
    expect(url?.pathname).toBe('/api/api-gateway-logging/traces/a%2Fb%20c');
    expect(Object.fromEntries(url!.searchParams)).toEqual({
      entity: 'api:default/payments-api',
      stage: 'arn:x',
      around: '1234',
    });
  });

  describe.each(calls)('%s', (_name, route, call) => {
    it.each([400, 401, 403, 404, 429, 500, 503, 504])(
      'turns a %i into a ResponseError carrying the backend message',
      async status => {
        server.use(
          rest.get(route, (_req, res, ctx) =>
            res(
              ctx.status(status),
              ctx.json({
                error: { name: 'Error', message: `backend says ${status}` },
                request: { method: 'GET', url: '/x' },
                response: { statusCode: status },
              }),
            ),
          ),
        );
        const error = (await call().catch(e => e)) as ResponseError;
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.response.status).toBe(status);
        expect(error.body.error.message).toBe(`backend says ${status}`);
      },
    );
  });
});
