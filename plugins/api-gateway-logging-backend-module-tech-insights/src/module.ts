import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { createApiGatewayLoggingFactRetriever } from './factRetriever';

/**
 * The key under which the retriever is added: its schedule is read from
 * `techInsights.factRetrievers.apiGatewayLoggingFactRetriever`, and
 * tech-insights runs no retriever that has no entry there.
 *
 * @public
 */
export const API_GATEWAY_LOGGING_FACT_RETRIEVER_KEY =
  'apiGatewayLoggingFactRetriever';

/**
 * A module of the community tech-insights backend: each API's API Gateway
 * logging facts from the api-gateway-logging stored audit.
 *
 * @public
 */
export const techInsightsModuleApiGatewayLogging = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'api-gateway-logging',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        retrievers: techInsightsFactRetrieversExtensionPoint,
      },
      async init({ config, retrievers }) {
        retrievers.addFactRetrievers({
          [API_GATEWAY_LOGGING_FACT_RETRIEVER_KEY]:
            createApiGatewayLoggingFactRetriever({
              includeFailedRequests:
                config.getOptionalBoolean(
                  'apiGatewayLogging.techInsights.includeFailedRequests',
                ) ?? true,
            }),
        });
      },
    });
  },
});
