import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { apiGatewayLoggingPermissions } from '@apigw-logging/plugin-api-gateway-logging-common';
import { createRouter } from './router';
import { EntityLoader } from './service/EntityLoader';
import { DefaultAuditService } from './service/AuditService/DefaultAuditService';
import { DefaultCoverageService } from './service/CoverageService/DefaultCoverageService';
import { createAwsContext } from './service/AwsContext';
import { readFailuresConfig } from './service/FailuresService/config';
import { DefaultFailuresService } from './service/FailuresService/DefaultFailuresService';
import { DefaultTraceService } from './service/TraceService/DefaultTraceService';
import { LogEventReader } from './service/LogEvents/LogEventReader';
import { LogSourceResolver } from './service/LogEvents/LogSourceResolver';
import { Memo } from './lib/Memo';

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
        config: coreServices.rootConfig,
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        config,
        cache,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(apiGatewayLoggingPermissions);
        // One AWS context for every feature: one rate limiter per account
        // and region, and reads shared between the audit and the logs.
        const aws = createAwsContext(config, { cache });
        const audit = DefaultAuditService.fromContext(aws);
        const failuresConfig = readFailuresConfig(config);
        const reader = new LogEventReader(aws.clients, aws.caller);
        const sources = new LogSourceResolver(
          aws.stageRefs,
          aws.stages,
          aws.config.executionLogGroups,
        );
        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            permissions,
            entities: new EntityLoader(catalog),
            audit,
            coverage: new DefaultCoverageService(catalog, audit),
            failures: new DefaultFailuresService({
              sources,
              reader,
              memo: new Memo(cache, failuresConfig.cacheTtlMs),
              filterPatternMode: failuresConfig.filterPatternMode,
              maxEventsPerQuery: failuresConfig.maxEventsPerQuery,
            }),
            traces: new DefaultTraceService({
              sources,
              reader,
              filterPatternMode: failuresConfig.filterPatternMode,
              traceWindowMs: failuresConfig.traceWindowMs,
              maxWindowMs: failuresConfig.maxWindowMs,
            }),
            failuresConfig,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
