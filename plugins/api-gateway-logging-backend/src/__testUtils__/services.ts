import {
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  AuditCheck,
  AuditInputReader,
  AwsAccessService,
  awsAccessServiceRef,
  createAwsAccess,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_CHECKS } from '../checks';
import { ExtensionCollector } from '../services/extensions/collectors';
import {
  auditServiceRef,
  awsReadersServiceRef,
  coverageServiceRef,
  extensionRegistryServiceRef,
  failuresServiceRef,
  logLocatorServiceRef,
  stageLocatorServiceRef,
  tracesServiceRef,
} from '../services/refs';

const PLUGIN_ID = 'api-gateway-logging';

/** Options of {@link pluginServices}. */
export interface PluginServicesOptions {
  entities?: Entity[];
  /** Checks and readers a module would add. */
  checks?: AuditCheck[];
  inputReaders?: AuditInputReader[];
  /** Replaces the AWS access (e.g. one that fails like AWS does). */
  aws?: AwsAccessService;
  factories?: ServiceFactory[];
}

/**
 * The plugin's real services, built by their own factories (as the backend
 * builds them) from the given config, with the built-in checks installed.
 * Retries back off 1 ms so that failure tests run fast.
 */
export async function pluginServices(
  config: JsonObject,
  options: PluginServicesOptions = {},
) {
  const aws =
    options.aws ??
    createAwsAccess({ config: new ConfigReader(config), backoffMs: 1 });
  const tester = ServiceFactoryTester.from(
    createServiceFactory({
      service: awsAccessServiceRef,
      deps: {},
      factory: () => aws,
    }),
    {
      dependencies: [
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory({ entities: options.entities ?? [] }),
        ...(options.factories ?? []),
      ],
    },
  );
  const get = <T>(ref: Parameters<typeof tester.getService<T, 'plugin'>>[0]) =>
    tester.getService(ref, PLUGIN_ID);
  const registry = await get(extensionRegistryServiceRef);
  const collector = new ExtensionCollector(BUILT_IN_CHECKS);
  collector.addChecks(...(options.checks ?? []));
  collector.addInputReaders(...(options.inputReaders ?? []));
  registry.install(collector.extensions());
  return {
    aws,
    registry,
    readers: await get(awsReadersServiceRef),
    stages: await get(stageLocatorServiceRef),
    logs: await get(logLocatorServiceRef),
    audit: await get(auditServiceRef),
    coverage: await get(coverageServiceRef),
    failures: await get(failuresServiceRef),
    traces: await get(tracesServiceRef),
  };
}
