import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { awsAccessServiceRef } from '@apigw-logging/plugin-api-gateway-logging-node';
import { CachedApiGatewayReader } from '../aws/apiGateway/CachedApiGatewayReader';
import { DefaultApiGatewayReader } from '../aws/apiGateway/DefaultApiGatewayReader';
import { ApiGatewayReader } from '../aws/apiGateway/types';
import { CloudWatchLogSource } from '../aws/logEvents/CloudWatchLogSource';
import { InsightsReader } from '../aws/logEvents/InsightsReader';
import { LogEventReader } from '../aws/logEvents/LogEventReader';
import { CachedLogGroupReader } from '../aws/logGroups/CachedLogGroupReader';
import { DefaultLogGroupReader } from '../aws/logGroups/DefaultLogGroupReader';
import { LogGroupReader } from '../aws/logGroups/types';
import { Memo } from '../aws/Memo';
import {
  ApiGatewayLoggingConfig,
  readApiGatewayLoggingConfig,
} from '../config/readConfig';
import { DefaultAuditService } from './audit/DefaultAuditService';
import { StageAuditor } from './audit/StageAuditor';
import { AuditService } from './audit/types';
import { DefaultCoverageService } from './coverage/DefaultCoverageService';
import { CoverageService } from './coverage/types';
import { EntityLoader } from './entities/EntityLoader';
import { ExtensionRegistry } from './extensions/ExtensionRegistry';
import { DefaultFailuresService } from './failures/DefaultFailuresService';
import { FailuresService } from './failures/types';
import { LogLocator } from './logs/LogLocator';
import { StageLocator } from './stages/StageLocator';
import { TagDiscovery } from './stages/TagDiscovery';
import { DefaultTraceService } from './traces/DefaultTraceService';
import { TraceService } from './traces/types';

/*
 * The plugin's services, each a service ref with a default factory: the
 * plugin only declares what it depends on, and tests (or adopters) replace
 * any of them through `startTestBackend` / `backend.add(factory)`. All are
 * plugin-scoped: one instance shared by the plugin and its modules, so the
 * cached readers coalesce the audit's and the logs' AWS calls. The AWS
 * access itself (rate limiters) is root-scoped, in the -node package.
 */

/** `apiGatewayLogging` config, read once. */
export const configServiceRef = createServiceRef<ApiGatewayLoggingConfig>({
  id: 'api-gateway-logging.config',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => readApiGatewayLoggingConfig(config),
    }),
});

/** The cached, coalescing AWS readers and the built-in CloudWatch log source. */
export interface AwsReaders {
  apiGateway: ApiGatewayReader;
  logGroups: LogGroupReader;
  logEvents: LogEventReader;
  cloudWatch: CloudWatchLogSource;
}

export const awsReadersServiceRef = createServiceRef<AwsReaders>({
  id: 'api-gateway-logging.aws-readers',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        aws: awsAccessServiceRef,
        cache: coreServices.cache,
        settings: configServiceRef,
      },
      factory: ({ aws, cache, settings }) => {
        const memo = new Memo(cache, settings.cache.auditTtlMs);
        const logEvents = new LogEventReader(aws);
        const logGroups = new CachedLogGroupReader(
          new DefaultLogGroupReader(aws),
          memo,
        );
        return {
          apiGateway: new CachedApiGatewayReader(
            new DefaultApiGatewayReader(aws),
            memo,
          ),
          logGroups,
          logEvents,
          cloudWatch: new CloudWatchLogSource({
            reader: logEvents,
            logGroups,
            access: settings.logGroups,
            filterPatternMode: settings.failures.filterPatternMode,
            maxCallsPerRead: settings.failures.maxCallsPerQuery,
            ...(settings.failures.insights
              ? {
                  insights: {
                    reader: new InsightsReader(aws, settings.failures.insights),
                    thresholdMs: settings.failures.insights.thresholdMs,
                  },
                }
              : {}),
          }),
        };
      },
    }),
});

/** Checks, input readers, policy and log sources: built-in and modules'. */
export const extensionRegistryServiceRef = createServiceRef<ExtensionRegistry>({
  id: 'api-gateway-logging.extensions',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { settings: configServiceRef, readers: awsReadersServiceRef },
      factory: ({ settings, readers }) =>
        new ExtensionRegistry(settings.policy, [readers.cloudWatch]),
    }),
});

export const stageLocatorServiceRef = createServiceRef<StageLocator>({
  id: 'api-gateway-logging.stage-locator',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { settings: configServiceRef, readers: awsReadersServiceRef },
      factory: ({ settings, readers }) =>
        new StageLocator(
          readers.apiGateway,
          new TagDiscovery(readers.apiGateway, settings.discovery),
        ),
    }),
});

export const logLocatorServiceRef = createServiceRef<LogLocator>({
  id: 'api-gateway-logging.log-locator',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        stages: stageLocatorServiceRef,
        registry: extensionRegistryServiceRef,
      },
      factory: ({ stages, registry }) => new LogLocator(stages, registry),
    }),
});

export const entityLoaderServiceRef = createServiceRef<EntityLoader>({
  id: 'api-gateway-logging.entity-loader',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { catalog: catalogServiceRef },
      factory: ({ catalog }) => new EntityLoader(catalog),
    }),
});

/** The logging audit of stages and entities. @public */
export const auditServiceRef = createServiceRef<AuditService>({
  id: 'api-gateway-logging.audit',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        readers: awsReadersServiceRef,
        stages: stageLocatorServiceRef,
        registry: extensionRegistryServiceRef,
      },
      factory: ({ readers, stages, registry }) =>
        new DefaultAuditService(
          new StageAuditor({
            apiGateway: readers.apiGateway,
            logGroups: readers.logGroups,
            cloudWatch: readers.cloudWatch,
            locator: stages,
            registry,
          }),
          stages,
          registry,
        ),
    }),
});

/** The coverage across the catalog. @public */
export const coverageServiceRef = createServiceRef<CoverageService>({
  id: 'api-gateway-logging.coverage',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { catalog: catalogServiceRef, audit: auditServiceRef },
      factory: ({ catalog, audit }) =>
        new DefaultCoverageService(catalog, audit),
    }),
});

/** Recent failing requests of an entity. @public */
export const failuresServiceRef = createServiceRef<FailuresService>({
  id: 'api-gateway-logging.failures',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        logs: logLocatorServiceRef,
        registry: extensionRegistryServiceRef,
        cache: coreServices.cache,
        settings: configServiceRef,
      },
      factory: ({ logs, registry, cache, settings }) =>
        new DefaultFailuresService({
          logs,
          registry,
          memo: new Memo(cache, settings.cache.failuresTtlMs),
          config: settings.failures,
        }),
    }),
});

/** One request's trace. @public */
export const tracesServiceRef = createServiceRef<TraceService>({
  id: 'api-gateway-logging.traces',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        logs: logLocatorServiceRef,
        registry: extensionRegistryServiceRef,
        settings: configServiceRef,
      },
      factory: ({ logs, registry, settings }) =>
        new DefaultTraceService({ logs, registry, config: settings.failures }),
    }),
});
