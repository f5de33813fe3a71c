import { ReactNode } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
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
  CoverageHistoryResponse,
  CoverageResponse,
  EntityAuditResponse,
  EntityHistoryResponse,
  FailuresResponse,
  StageHistoryResponse,
  TraceResponse,
  UnclaimedResponse,
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

const SWEEP = {
  running: false,
  lastStartedAt: '2026-11-21T06:10:00.000Z',
  lastFinishedAt: '2026-11-21T06:12:00.000Z',
  stages: 6,
};

/**
 * The stored audit's answers, as the contract (`audit.ts`) describes them:
 * the backend does not serve these routes yet, so they are written by hand.
 */
export const storedFixtures = {
  /** payments-api's audit as the last sweep stored it, with log volume. */
  audit: {
    ...auditFixture,
    stages: (auditFixture as unknown as EntityAuditResponse).stages.map(
      (s, i) => ({
        ...s,
        source: 'stored',
        checkedAt: '2026-11-21T06:12:00.000Z',
        logVolume: {
          storedBytes: i === 0 ? 5 * 1024 ** 3 : 200 * 1024 ** 2,
          incomingBytesPerDay: i === 0 ? 300 * 1024 ** 2 : undefined,
          days: 7,
          estimatedMonthlyUsd:
            i === 0 ? { ingestion: 4.5, storage: 0.15 } : { storage: 0.01 },
          measuredAt: '2026-11-21T06:12:00.000Z',
        },
      }),
    ),
  } as unknown as EntityAuditResponse,
  stageHistory: {
    stageArn:
      'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/staging',
    stageName: 'staging',
    versions: [
      {
        seenAt: '2026-11-28T14:00:00.000Z',
        previousSeenAt: '2026-11-28T13:00:00.000Z',
        lastUpdatedDate: '2026-11-28T13:42:00.000Z',
        deploymentId: 'abc123',
        status: 'fail',
        changes: [{ what: 'Execution logging', from: 'ERROR', to: 'OFF' }],
        summary: 'Execution logging ERROR → OFF',
      },
      {
        seenAt: '2026-11-20T09:00:00.000Z',
        deploymentId: 'zzz999',
        status: 'pass',
        changes: [],
        summary: '',
      },
    ],
  } as StageHistoryResponse,
  coverageHistory: {
    scope: 'fleet',
    days: [
      {
        day: '2026-11-27',
        stages: 4,
        checks: [
          { id: 'execution-logging', passing: 3, applicable: 4 },
          { id: 'access-logging', passing: 4, applicable: 4 },
        ],
      },
      {
        day: '2026-11-28',
        stages: 4,
        checks: [
          { id: 'execution-logging', passing: 2, applicable: 4 },
          { id: 'access-logging', passing: 4, applicable: 4 },
        ],
      },
    ],
  } as CoverageHistoryResponse,
  unclaimed: {
    sweep: SWEEP,
    total: 2,
    offset: 0,
    limit: 50,
    stages: [
      {
        arn: 'arn:aws:apigateway:us-east-1::/restapis/shadow1/stages/prod',
        apiId: 'shadow1',
        apiType: 'REST',
        apiName: 'shadow-billing',
        stageName: 'prod',
        accountId: '222222222222',
        region: 'us-east-1',
        status: 'fail',
        checks: [
          {
            id: 'execution-logging',
            title: 'Execution logging',
            status: 'fail',
            severity: 'high',
            message: 'Execution logging is OFF.',
            evidence: {},
          },
        ],
        tags: { team: 'billing', environment: 'production' },
      },
      {
        arn: 'arn:aws:apigateway:eu-west-1::/apis/ghost2/stages/$default',
        apiId: 'ghost2',
        apiType: 'HTTP',
        stageName: '$default',
        region: 'eu-west-1',
        status: 'unreadable',
        problem: {
          kind: 'access-denied',
          message: 'AccessDenied: apigateway:GET',
          whoCanFix: 'aws-account-admins',
        },
        checks: [],
        tags: {},
      },
    ],
  } as UnclaimedResponse,
};

/** payments-api's history: its stages' timelines and coverage per day. */
export const entityHistory: EntityHistoryResponse = {
  entityRef: 'api:default/payments-api',
  stages: [storedFixtures.stageHistory],
  coverage: storedFixtures.coverageHistory.days,
};

/**
 * A permission API that answers every request the same way, or, with
 * `refreshAllowed`, re-checks and sweeps apart.
 */
export function permissionApi(
  allowed: boolean,
  refreshAllowed: boolean = allowed,
): PermissionApi {
  return {
    authorize: async (request: { permission: { name: string } }) => {
      const yes = [
        'api-gateway-logging.audit.refresh',
        'api-gateway-logging.sweep.run',
      ].includes(request.permission.name)
        ? refreshAllowed
        : allowed;
      return { result: yes ? 'ALLOW' : 'DENY' };
    },
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
    refreshEntityAudit: jest.fn(async () => storedFixtures.audit),
    getCoverage: jest.fn(async () => fixtures.coverage),
    getCoverageCsv: jest.fn(async () => new Blob(['entityRef\n'])),
    getUnclaimed: jest.fn(async () => storedFixtures.unclaimed),
    getStageHistory: jest.fn(async () => storedFixtures.stageHistory),
    getEntityHistory: jest.fn(async () => entityHistory),
    getCoverageHistory: jest.fn(async () => storedFixtures.coverageHistory),
    getLatestSweep: jest.fn(async () => SWEEP),
    startSweep: jest.fn(async () => ({ ...SWEEP, running: true })),
    getFailures: jest.fn(async () => fixtures.failures),
    getTrace: jest.fn(async () => fixtures.trace),
    keepTrace: jest.fn(async () => ({
      ...fixtures.trace,
      kept: { by: 'user:default/guest', at: '2026-11-30T14:02:00.000Z' },
    })),
    ...overrides,
  } as jest.Mocked<ApiGatewayLoggingApi>;
}

type CatalogApi = typeof catalogApiRef.T;

/** A catalog whose facets name the estate's owners and systems. */
export function mockCatalogApi(): CatalogApi {
  return {
    getEntityFacets: jest.fn(async () => ({
      facets: {
        'spec.owner': [
          { value: 'team-payments', count: 3 },
          { value: 'group:default/team-orders', count: 2 },
        ],
        'spec.system': [{ value: 'commerce', count: 4 }],
      },
    })),
  } as unknown as CatalogApi;
}

/** Renders in a test app with the plugin's API, permissions and routes. */
export function renderWithApis(
  element: ReactNode,
  options: {
    api?: Partial<ApiGatewayLoggingApi>;
    allowed?: boolean;
    /** Whether the viewer may re-check and sweep (`audit.refresh`); `allowed` when unset. */
    refreshAllowed?: boolean;
    entity?: Entity;
    routeEntries?: string[];
  } = {},
) {
  const {
    api = mockApi(),
    allowed = true,
    refreshAllowed = allowed,
    entity,
    routeEntries,
  } = options;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [apiGatewayLoggingApiRef, api],
        [permissionApiRef, permissionApi(allowed, refreshAllowed)],
        [catalogApiRef, mockCatalogApi()],
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
