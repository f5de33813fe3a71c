import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { ApiGatewayLoggingClient } from './ApiGatewayLoggingClient';

const baseUrl = 'http://backend.test/api/api-gateway-logging';
const server = setupServer();

describe('ApiGatewayLoggingClient', () => {
  registerMswTestHooks(server);

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
