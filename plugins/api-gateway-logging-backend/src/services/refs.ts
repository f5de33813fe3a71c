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
import { localCache } from '../aws/localCache';
import { LogVolumeReader } from '../aws/metrics/LogVolumeReader';
import { AuditStore } from '../store/AuditStore';
import { DatabaseAuditStore } from '../store/DatabaseAuditStore';
import {
  ApiGatewayLoggingConfig,
  readApiGatewayLoggingConfig,
} from '../config/readConfig';
import { DefaultAuditService } from './audit/DefaultAuditService';
import { StageAuditor } from './audit/StageAuditor';
import { AuditService } from './audit/types';
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
import { KeptTraceService } from './traces/KeptTraceService';
import { DefaultHistoryService } from './history/DefaultHistoryService';
import { HistoryService } from './history/types';
import { DefaultSweepService } from './sweep/DefaultSweepService';
import { SweepService } from './sweep/types';
import { StoredCoverageService } from './coverage/StoredCoverageService';

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

/** The stored audit, on the plugin's database (migrated at startup). */
export const auditStoreServiceRef = createServiceRef<AuditStore>({
  id: 'api-gateway-logging.store',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { database: coreServices.database },
      factory: ({ database }) => DatabaseAuditStore.create(database),
    }),
});

/**
 * Readers that read AWS anew, for a sweep or a re-check: not the request
 * cache (a re-check must see the change just made), but shared within the
 * one sweep or re-check that asks for them.
 */
// Longer than any sweep (its schedule times out at 30 minutes by default).
const FRESH_READS_TTL_MS = 2 * 60 * 60_000;

export type FreshReaders = () => Pick<AwsReaders, 'apiGateway' | 'logGroups'>;

export const freshReadersServiceRef = createServiceRef<FreshReaders>({
  id: 'api-gateway-logging.fresh-readers',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { aws: awsAccessServiceRef },
      factory:
        ({ aws }) =>
        () => {
          // A new cache per call: it lives as long as the sweep holding it.
          const memo = new Memo(localCache(), FRESH_READS_TTL_MS);
          return {
            apiGateway: new CachedApiGatewayReader(
              new DefaultApiGatewayReader(aws),
              memo,
            ),
            logGroups: new CachedLogGroupReader(
              new DefaultLogGroupReader(aws),
              memo,
            ),
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

export const stageAuditorServiceRef = createServiceRef<StageAuditor>({
  id: 'api-gateway-logging.stage-auditor',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        readers: awsReadersServiceRef,
        stages: stageLocatorServiceRef,
        registry: extensionRegistryServiceRef,
      },
      factory: ({ readers, stages, registry }) =>
        new StageAuditor({
          apiGateway: readers.apiGateway,
          logGroups: readers.logGroups,
          cloudWatch: readers.cloudWatch,
          locator: stages,
          registry,
        }),
    }),
});

/** The logging audit of stages and entities. @public */
export const auditServiceRef = createServiceRef<AuditService>({
  id: 'api-gateway-logging.audit',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auditor: stageAuditorServiceRef,
        locator: stageLocatorServiceRef,
        registry: extensionRegistryServiceRef,
        store: auditStoreServiceRef,
        freshReaders: freshReadersServiceRef,
        settings: configServiceRef,
      },
      factory: ({ settings, ...deps }) =>
        new DefaultAuditService({ ...deps, cost: settings.cost }),
    }),
});

/** The scheduled sweep of the estate into the store. @public */
export const sweepServiceRef = createServiceRef<SweepService>({
  id: 'api-gateway-logging.sweep',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        store: auditStoreServiceRef,
        auditor: stageAuditorServiceRef,
        freshReaders: freshReadersServiceRef,
        aws: awsAccessServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        settings: configServiceRef,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      factory: deps =>
        new DefaultSweepService({
          ...deps,
          volumes: new LogVolumeReader(deps.aws),
        }),
    }),
});

/** The coverage across the catalog, from the store. @public */
export const coverageServiceRef = createServiceRef<CoverageService>({
  id: 'api-gateway-logging.coverage',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        store: auditStoreServiceRef,
        sweep: sweepServiceRef,
        registry: extensionRegistryServiceRef,
        settings: configServiceRef,
      },
      factory: ({ settings, ...deps }) =>
        new StoredCoverageService({ ...deps, cost: settings.cost }),
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

/** One request's trace, live or kept. @public */
export const tracesServiceRef = createServiceRef<TraceService>({
  id: 'api-gateway-logging.traces',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        logs: logLocatorServiceRef,
        registry: extensionRegistryServiceRef,
        settings: configServiceRef,
        store: auditStoreServiceRef,
      },
      factory: ({ logs, registry, settings, store }) =>
        new KeptTraceService(
          new DefaultTraceService({
            logs,
            registry,
            config: settings.failures,
          }),
          store,
        ),
    }),
});

/** Stage timelines and coverage over time. @public */
export const historyServiceRef = createServiceRef<HistoryService>({
  id: 'api-gateway-logging.history',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { store: auditStoreServiceRef },
      factory: ({ store }) => new DefaultHistoryService(store),
    }),
});
