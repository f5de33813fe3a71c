import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { apiGatewayLoggingApiRef } from './api/ApiGatewayLoggingApi';
import { ApiGatewayLoggingClient } from './api/ApiGatewayLoggingClient';
import {
  entityContentRouteRef,
  rootRouteRef,
  traceRouteRef,
  traceSearchRouteRef,
} from './routes';

/** The api-gateway-logging frontend plugin. @public */
export const apiGatewayLoggingPlugin = createPlugin({
  id: 'api-gateway-logging',
  apis: [
    createApiFactory({
      api: apiGatewayLoggingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ApiGatewayLoggingClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
    trace: traceRouteRef,
    traceSearch: traceSearchRouteRef,
  },
});

/**
 * The entity tab: logging compliance per stage, recent failures and traces.
 *
 * @public
 */
export const EntityApiGatewayLoggingContent: () => JSX.Element =
  apiGatewayLoggingPlugin.provide(
    createRoutableExtension({
      name: 'EntityApiGatewayLoggingContent',
      component: () =>
        import('./components/EntityApiGatewayLoggingContent').then(
          m => m.EntityApiGatewayLoggingContent,
        ),
      mountPoint: entityContentRouteRef,
    }),
  );

/**
 * The overview card: compliance at a glance and the last hour's failures.
 *
 * @public
 */
export const EntityApiGatewayLoggingCard: () => JSX.Element =
  apiGatewayLoggingPlugin.provide(
    createComponentExtension({
      name: 'EntityApiGatewayLoggingCard',
      component: {
        lazy: () =>
          import('./components/EntityApiGatewayLoggingCard').then(
            m => m.EntityApiGatewayLoggingCard,
          ),
      },
    }),
  );

/**
 * The plugin's page: logging coverage across the catalog, and the trace page
 * (`traces/:requestId?entity=&stage=&around=`) for links from tickets.
 *
 * @public
 */
export const ApiGatewayLoggingPage: () => JSX.Element =
  apiGatewayLoggingPlugin.provide(
    createRoutableExtension({
      name: 'ApiGatewayLoggingPage',
      component: () =>
        import('./components/ApiGatewayLoggingPage').then(
          m => m.ApiGatewayLoggingPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );
