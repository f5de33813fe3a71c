import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { request } from './__testUtils__/openapi';
import { apiGatewayLoggingPlugin } from './plugin';
import {
  MotoServer,
  resetMoto,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { Estate, estateConfig, seedEstate } from './__testUtils__/estate';

jest.setTimeout(180_000);

const api = (
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, string> = {},
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team-a',
    definition: '{}',
    ...spec,
  },
});

describe('audit endpoints, end to end against moto', () => {
  let moto: MotoServer;
  let estate: Estate;

  beforeAll(async () => {
    moto = await startMoto();
    await resetMoto(moto.endpoint);
    estate = await seedEstate(moto.endpoint);
  });

  afterAll(async () => {
    await moto?.stop();
  });

  async function start(
    result:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    const entities = [
      api(
        'petstore',
        {
          'aws.amazon.com/api-gateway-stage-arn': `${estate.arns.restProd},${estate.arns.http}`,
        },
        { system: 'payments' },
      ),
      api(
        'payments',
        { 'aws.amazon.com/api-gateway-tags': 'team=payments' },
        { owner: 'group:default/team-b' },
      ),
      api('broken', {
        'aws.amazon.com/api-gateway-stage-arn':
          'arn:aws:apigateway:us-east-1::/restapis/BAD/stages/prod',
      }),
      api('plain', {}),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'chat-service',
          namespace: 'default',
          annotations: {
            'aws.amazon.com/api-gateway-stage-arn': estate.arns.websocket,
          },
        },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'unrelated', namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      },
    ];
    const { server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: estateConfig(moto.endpoint, estate),
        }),
        mockServices.permissions.factory({ result }),
      ],
    });
    return server;
  }

  it('audits an entity', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/petstore/audit',
    );
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('api:default/petstore');
    expect(res.body.stages.map((s: any) => s.apiType)).toEqual([
      'REST',
      'HTTP',
    ]);
    expect(res.body.stages[0].checks).toHaveLength(9);
    expect(res.body.summary.stages).toBe(2);
  });

  it('answers 403 when the permission is denied', async () => {
    const server = await start(AuthorizeResult.DENY);
    const res = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/petstore/audit',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('api-gateway-logging.audit.read');
    const coverage = await request(server).get(
      '/api/api-gateway-logging/audit',
    );
    expect(coverage.status).toBe(403);
  });

  it('answers 404 for an unknown entity and 400 for a malformed annotation', async () => {
    const server = await start();
    const unknown = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/nope/audit',
    );
    expect(unknown.status).toBe(404);
    const broken = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/broken/audit',
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain(
      'aws.amazon.com/api-gateway-stage-arn',
    );
    expect(broken.body.error.message).toContain('Example of a correct value');
  });

  it('reports coverage across the catalog, with errors and unlinked APIs', async () => {
    const server = await start();
    const res = await request(server).get('/api/api-gateway-logging/audit');
    expect(res.status).toBe(200);
    const byRef = Object.fromEntries(
      res.body.entities.map((e: any) => [e.entityRef, e]),
    );
    expect(Object.keys(byRef).sort()).toEqual([
      'api:default/broken',
      'api:default/payments',
      'api:default/petstore',
      'api:default/plain',
      'component:default/chat-service',
    ]);
    expect(byRef['api:default/plain']).toMatchObject({
      linked: false,
      stages: [],
    });
    expect(byRef['api:default/broken'].error).toContain('API id "BAD"');
    expect(byRef['api:default/payments'].stages).toHaveLength(2);
    expect(byRef['api:default/petstore']).toMatchObject({
      owner: 'group:default/team-a',
      system: 'system:default/payments',
    });
    expect(res.body.summary).toMatchObject({
      entities: 5,
      linked: 4,
      notLinked: 1,
      entitiesWithErrors: 1,
    });
  });

  it('filters coverage and exports CSV', async () => {
    const server = await start();
    const filtered = await request(server).get(
      '/api/api-gateway-logging/audit?owner=team-b&check=execution-logging',
    );
    expect(filtered.status).toBe(200);
    expect(filtered.body.entities.map((e: any) => e.entityRef)).toEqual([
      'api:default/payments',
    ]);
    expect(
      filtered.body.entities[0].stages.every((s: any) => s.checks.length === 1),
    ).toBe(true);

    const failing = await request(server).get(
      '/api/api-gateway-logging/audit?check=cloudwatch-role&status=pass&sort=name',
    );
    // Sorted by name.
    expect(failing.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/chat-service',
      'api:default/payments',
      'api:default/petstore',
    ]);

    const csv = await request(server)
      .get('/api/api-gateway-logging/audit?system=payments')
      .set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'entityRef,kind,owner,system,linked,entityError,stageArn,apiType,accountId,region,stageStatus,stageError,whoCanFix,check,checkTitle,status,severity,message',
    );
    expect(lines).toHaveLength(1 + 2 * 9);
    const viaQuery = await request(server).get(
      '/api/api-gateway-logging/audit?format=csv&system=payments',
    );
    expect(viaQuery.text).toBe(csv.text);
  });

  it('answers 400 for a bad coverage query', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/api-gateway-logging/audit?status=bogus&color=red',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('status');
    expect(res.body.error.message).toContain('color');
  });
});
