import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { apiGatewayLoggingApiRef } from './api/ApiGatewayLoggingApi';
import { ApiGatewayLoggingClient } from './api/ApiGatewayLoggingClient';
import { entityContentRouteRef } from './routes';

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
    entityContent: entityContentRouteRef,
  },
});

/**
 * The entity tab showing an API's API Gateway logging.
 *
 * @public
 */
export const EntityApiGatewayLoggingContent = apiGatewayLoggingPlugin.provide(
  createRoutableExtension({
    name: 'EntityApiGatewayLoggingContent',
    component: () =>
      import('./components/EntityApiGatewayLoggingContent').then(
        m => m.EntityApiGatewayLoggingContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);
