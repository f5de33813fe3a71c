import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  ApiBlueprint,
  coreExtensionData,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import plugin from './alpha';
import { apiGatewayLoggingApiRef } from './api/ApiGatewayLoggingApi';
import {
  mockApi,
  mockCatalogApi,
  paymentsApi,
  permissionApi,
} from './__testUtils__/render';

const entity = (kind: string, annotations: Record<string, string> = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
    spec: {},
  } as Entity);

const annotatedComponent = entity('Component', {
  'aws.amazon.com/api-gateway-tags': 'service=notifications',
});

/**
 * The plugin in a test app, its client, the permission API and the catalog
 * (the coverage filters read its owners and systems) mocked, and a
 * stand-in for the catalog's entity page that the coverage table links to.
 */
function renderPlugin(path: string) {
  const mockedPlugin = plugin.withOverrides({
    extensions: [
      plugin.getExtension('api:api-gateway-logging').override({
        params: defineParams =>
          defineParams({
            api: apiGatewayLoggingApiRef,
            deps: {},
            factory: () => mockApi(),
          }),
      }),
    ],
  });
  return renderTestApp({
    initialRouteEntries: [path],
    features: [
      mockedPlugin,
      createFrontendModule({
        pluginId: 'app',
        extensions: [
          ApiBlueprint.make({
            name: 'permission-mock',
            params: defineParams =>
              defineParams({
                api: permissionApiRef,
                deps: {},
                factory: () => permissionApi(true),
              }),
          }),
          ApiBlueprint.make({
            name: 'catalog-mock',
            params: defineParams =>
              defineParams({
                api: catalogApiRef,
                deps: {},
                factory: () => mockCatalogApi(),
              }),
          }),
          PageBlueprint.make({
            name: 'entity-stand-in',
            params: {
              path: '/catalog/:namespace/:kind/:name',
              routeRef: convertLegacyRouteRef(entityRouteRef),
              loader: async () => <div />,
            },
          }),
        ],
      }),
    ],
  });
}

// Rendering a whole test app takes seconds on a busy CI machine.
jest.setTimeout(30_000);

describe('the new frontend system plugin (/alpha)', () => {
  it('provides the client, page, nav item, entity tab and overview card', () => {
    for (const id of [
      'api:api-gateway-logging',
      'page:api-gateway-logging',
      'nav-item:api-gateway-logging',
      'entity-content:api-gateway-logging',
      'entity-card:api-gateway-logging',
    ] as const) {
      expect(plugin.getExtension(id)).toBeDefined();
    }
  });

  it('mounts the page at /api-gateway-logging', () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:api-gateway-logging'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/api-gateway-logging',
    );
  });

  it('shows the tab on every API and on annotated entities only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:api-gateway-logging'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/api-gateway-logging',
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'API Gateway logging',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsApi)).toBe(true);
    expect(filter(entity('API'))).toBe(true);
    expect(filter(annotatedComponent)).toBe(true);
    expect(filter(entity('Component'))).toBe(false);
  });

  it('shows the overview card on annotated entities only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:api-gateway-logging'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(paymentsApi)).toBe(true);
    expect(filter(annotatedComponent)).toBe(true);
    expect(filter(entity('API'))).toBe(false);
  });

  it('renders the coverage page from the client', async () => {
    renderPlugin('/api-gateway-logging');
    expect(
      await screen.findByText('Legacy API', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Payments API')).toBeInTheDocument();
  });
});
