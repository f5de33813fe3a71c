import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import {
  ApiGatewayLoggingApi,
  apiGatewayLoggingApiRef,
} from '../../api/ApiGatewayLoggingApi';
import { EntityApiGatewayLoggingContent } from './EntityApiGatewayLoggingContent';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'payments-api', namespace: 'default', annotations },
  spec: {},
});

const annotated = entity({
  'aws.amazon.com/api-gateway-stage-arn':
    'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
});

function renderTab(e: Entity, api: Partial<ApiGatewayLoggingApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[apiGatewayLoggingApiRef, api]]}>
      <EntityProvider entity={e}>
        <EntityApiGatewayLoggingContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityApiGatewayLoggingContent', () => {
  it('lists the stages the backend returns', async () => {
    await renderTab(annotated, {
      getEntityStages: async () => ({
        entityRef: 'api:default/payments-api',
        selector: 'arns',
        stages: [
          {
            arn: 'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
            region: 'us-east-1',
            apiId: 'paymentsv1',
            apiFamily: 'v1',
            apiType: 'REST',
            stageName: 'prod',
          },
          {
            arn: 'arn:aws:apigateway:eu-west-1::/apis/ordershttp/stages/live',
            accountId: '222222222222',
            region: 'eu-west-1',
            apiId: 'ordershttp',
            apiFamily: 'v2',
            stageName: 'live',
          },
        ],
      }),
    });
    expect(await screen.findByText('prod')).toBeInTheDocument();
    expect(screen.getByText('REST')).toBeInTheDocument();
    expect(screen.getByText('HTTP or WebSocket')).toBeInTheDocument();
    expect(screen.getByText('222222222222')).toBeInTheDocument();
    expect(screen.getByText('default account')).toBeInTheDocument();
  });

  it('shows the tag query of a tag-selected entity', async () => {
    await renderTab(
      entity({ 'aws.amazon.com/api-gateway-tags': 'team=payments' }),
      {
        getEntityStages: async () => ({
          entityRef: 'api:default/payments-api',
          selector: 'tags',
          tags: { team: 'payments' },
          stages: [],
        }),
      },
    );
    expect(await screen.findByText('team = payments')).toBeInTheDocument();
  });

  it('names the missing annotation when the entity has none', async () => {
    await renderTab(entity({}), { getEntityStages: jest.fn() });
    expect(
      (await screen.findAllByText(/aws.amazon.com\/api-gateway-stage-arn/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
  });

  it('shows the whole message of a malformed-annotation error', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'API id "BAD" is wrong. Example of a correct value: x',
        },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderTab(annotated, {
      getEntityStages: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/cannot be used as written/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Example of a correct value: x/),
    ).toBeInTheDocument();
  });
});
