import { ReactNode } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import {
  CoverageResponse,
  EntityAuditResponse,
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  ApiGatewayLoggingApi,
  apiGatewayLoggingApiRef,
} from '../api/ApiGatewayLoggingApi';
import { rootRouteRef } from '../routes';
import auditFixture from './__fixtures__/payments-audit.json';
import coverageFixture from './__fixtures__/coverage.json';
import failuresFixture from './__fixtures__/payments-failures.json';
import traceFixture from './__fixtures__/payments-trace-denied.json';

/** Real responses of the local estate's backend, for payments-api. */
export const fixtures = {
  audit: auditFixture as unknown as EntityAuditResponse,
  coverage: coverageFixture as unknown as CoverageResponse,
  failures: failuresFixture as unknown as FailuresResponse,
  trace: traceFixture as unknown as TraceResponse,
};

/** A permission API that answers every request the same way. */
export function permissionApi(allowed: boolean): PermissionApi {
  return {
    authorize: async () => ({ result: allowed ? 'ALLOW' : 'DENY' }),
  } as unknown as PermissionApi;
}

/** The ResponseError the client throws for a backend error. */
export async function responseError(
  status: number,
  message: string,
  name = 'Error',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

export const STAGE_ARN =
  'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod';

/** payments-api, annotated as in examples/entities.yaml. */
export const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'aws.amazon.com/api-gateway-stage-arn': `${STAGE_ARN},arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/staging`,
    },
  },
  spec: {},
};

/** An API whose every call answers the fixtures, overridable per test. */
export function mockApi(
  overrides: Partial<ApiGatewayLoggingApi> = {},
): jest.Mocked<ApiGatewayLoggingApi> {
  return {
    getEntityStages: jest.fn(async () => ({
      entityRef: 'api:default/payments-api',
      selector: 'arns' as const,
      stages: fixtures.audit.stages.map(s => ({
        arn: s.arn,
        region: s.region,
        apiId: s.apiId,
        apiFamily: 'v1' as const,
        apiType: 'REST' as const,
        stageName: s.stageName,
      })),
    })),
    getChecks: jest.fn(async () => ({
      checks: [...new Set(fixtures.audit.stages.flatMap(s => s.checks))]
        .filter((c, i, all) => all.findIndex(o => o.id === c.id) === i)
        .map(c => ({
          id: c.id,
          title: c.title,
          severity: c.severity,
          description: c.message,
          reads: ['stage'],
          builtIn: true,
        })),
    })),
    getEntityAudit: jest.fn(async () => fixtures.audit),
    getCoverage: jest.fn(async () => fixtures.coverage),
    getCoverageCsv: jest.fn(async () => new Blob(['entityRef\n'])),
    getFailures: jest.fn(async () => fixtures.failures),
    getTrace: jest.fn(async () => fixtures.trace),
    ...overrides,
  } as jest.Mocked<ApiGatewayLoggingApi>;
}

/** Renders in a test app with the plugin's API, permissions and routes. */
export function renderWithApis(
  element: ReactNode,
  options: {
    api?: Partial<ApiGatewayLoggingApi>;
    allowed?: boolean;
    entity?: Entity;
    routeEntries?: string[];
  } = {},
) {
  const { api = mockApi(), allowed = true, entity, routeEntries } = options;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [apiGatewayLoggingApiRef, api],
        [permissionApiRef, permissionApi(allowed)],
      ]}
    >
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      routeEntries,
      mountedRoutes: {
        '/api-gateway-logging': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
