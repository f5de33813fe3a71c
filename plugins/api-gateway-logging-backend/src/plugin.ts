import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './router';
import { EntityLoader } from './service/EntityLoader';

/**
 * The api-gateway-logging backend plugin, mounted at `/api/api-gateway-logging`.
 *
 * @public
 */
export const apiGatewayLoggingPlugin = createBackendPlugin({
  pluginId: 'api-gateway-logging',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ logger, httpAuth, httpRouter, catalog }) {
        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            entities: new EntityLoader(catalog),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
