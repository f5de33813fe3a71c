/*
 * The Backstage backend that hosts the api-gateway-logging plugin: catalog,
 * app, guest auth, allow-all permissions (for local use; replace the policy
 * module in production), our plugin and its log-shipping module, and the
 * community tech-insights backend with our facts module.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@apigw-logging/plugin-api-gateway-logging-backend'));
// The example module: a check that logs are shipped to a central store.
backend.add(
  import(
    '@apigw-logging/plugin-api-gateway-logging-backend-module-log-shipping'
  ),
);

// Tech Insights, with each API's logging facts (its schedule is in
// app-config.yaml, under techInsights.factRetrievers).
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import(
    '@apigw-logging/plugin-api-gateway-logging-backend-module-tech-insights'
  ),
);

backend.start();
