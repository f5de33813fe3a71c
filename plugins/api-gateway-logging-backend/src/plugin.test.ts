import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { request } from './__testUtils__/openapi';
import { apiGatewayLoggingPlugin } from './plugin';

const api = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team-a',
    definition: '{}',
  },
});

const entities = [
  api('petstore', {
    'aws.amazon.com/api-gateway-stage-arn':
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod,arn:aws:apigateway:eu-west-1:111122223333:/apis/f6g7h8i9j0/stages/$default',
  }),
  api('tagged', { 'aws.amazon.com/api-gateway-tags': 'team=payments' }),
  api('broken', {
    'aws.amazon.com/api-gateway-stage-arn':
      'arn:aws:apigateway:us-east-1::/restapis/BAD/stages/prod',
  }),
  api('plain', {}),
];

describe('api-gateway-logging backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        apiGatewayLoggingPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    return server;
  }

  it('answers health without credentials', async () => {
    const server = await start();
    const res = await request(server).get('/api/api-gateway-logging/health');
    expect(res.status).toBe(200);
  });

  it('lists the stages the annotations name', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/petstore/stages',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'api:default/petstore',
      selector: 'arns',
      stages: [
        {
          arn: 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
          region: 'us-east-1',
          apiId: 'a1b2c3d4e5',
          apiFamily: 'v1',
          apiType: 'REST',
          stageName: 'prod',
        },
        {
          arn: 'arn:aws:apigateway:eu-west-1::/apis/f6g7h8i9j0/stages/$default',
          accountId: '111122223333',
          region: 'eu-west-1',
          apiId: 'f6g7h8i9j0',
          apiFamily: 'v2',
          stageName: '$default',
        },
      ],
    });
  });

  it('returns the tag query of a tag-annotated entity', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/tagged/stages',
    );
    expect(res.body).toMatchObject({
      selector: 'tags',
      tags: { team: 'payments' },
    });
  });

  it('answers 400 naming the annotation and an example for a malformed ARN', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/broken/stages',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'aws.amazon.com/api-gateway-stage-arn',
    );
    expect(res.body.error.message).toContain('API id "BAD"');
    expect(res.body.error.message).toContain('Example of a correct value');
    expect(res.body.error.stack).toBeUndefined();
  });

  it('answers 404 for an entity without annotations and for an unknown entity', async () => {
    const server = await start();
    const plain = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/plain/stages',
    );
    expect(plain.status).toBe(404);
    expect(plain.body.error.message).toContain('names no API Gateway stage');
    const unknown = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/nope/stages',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('No entity api:default/nope');
  });

  it('answers 400 for a malformed entity reference', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/api-gateway-logging/entities/default/api/bad%20name!/stages',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('not a catalog entity name');
  });
});
