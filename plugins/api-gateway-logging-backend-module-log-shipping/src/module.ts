import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  apiGatewayLoggingChecksExtensionPoint,
  awsAccessServiceRef,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { readLogShippingConfig } from './config';
import { logShippingCheck } from './logShippingCheck';
import { subscriptionFiltersReader } from './subscriptionFilters';

/**
 * Adds the `log-shipping` check to the api-gateway-logging audit.
 *
 * @public
 */
export const logShippingModule = createBackendModule({
  pluginId: 'api-gateway-logging',
  moduleId: 'log-shipping',
  register(env) {
    env.registerInit({
      deps: {
        checks: apiGatewayLoggingChecksExtensionPoint,
        aws: awsAccessServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ checks, aws, config }) {
        checks.addInputReaders(subscriptionFiltersReader(aws));
        checks.addChecks(logShippingCheck(readLogShippingConfig(config)));
      },
    });
  },
});
