import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { apiGatewayLoggingPermissions } from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  apiGatewayLoggingChecksExtensionPoint,
  apiGatewayLoggingLogSourcesExtensionPoint,
  apiGatewayLoggingPolicyExtensionPoint,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { BUILT_IN_CHECKS } from './checks';
import { createRouter } from './router/createRouter';
import { ExtensionCollector } from './services/extensions/collectors';
import {
  auditServiceRef,
  configServiceRef,
  coverageServiceRef,
  entityLoaderServiceRef,
  extensionRegistryServiceRef,
  failuresServiceRef,
  tracesServiceRef,
} from './services/refs';

/**
 * The api-gateway-logging backend plugin, mounted at `/api/api-gateway-logging`.
 * Its services are service refs with default factories (services/refs.ts);
 * modules extend it through the extension points of the -node package.
 *
 * @public
 */
export const apiGatewayLoggingPlugin = createBackendPlugin({
  pluginId: 'api-gateway-logging',
  register(env) {
    const extensions = new ExtensionCollector(BUILT_IN_CHECKS);
    env.registerExtensionPoint(
      apiGatewayLoggingChecksExtensionPoint,
      extensions,
    );
    env.registerExtensionPoint(
      apiGatewayLoggingPolicyExtensionPoint,
      extensions,
    );
    env.registerExtensionPoint(
      apiGatewayLoggingLogSourcesExtensionPoint,
      extensions,
    );
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        settings: configServiceRef,
        registry: extensionRegistryServiceRef,
        entities: entityLoaderServiceRef,
        audit: auditServiceRef,
        coverage: coverageServiceRef,
        failures: failuresServiceRef,
        traces: tracesServiceRef,
      },
      async init({
        registry,
        settings,
        httpRouter,
        permissionsRegistry,
        ...deps
      }) {
        registry.install(extensions.extensions());
        permissionsRegistry.addPermissions(apiGatewayLoggingPermissions);
        httpRouter.use(
          await createRouter({ ...deps, logQueries: settings.failures }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
