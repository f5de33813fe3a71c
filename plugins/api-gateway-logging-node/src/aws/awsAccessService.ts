import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { AwsCallOptions, AwsCallStats, AwsCaller } from './AwsCaller';
import { AwsClientClass, AwsClients } from './AwsClients';
import { RATE_CONFIG_KEYS, readAwsAccessConfig } from './awsAccessConfig';
import { RateLimiter } from './RateLimiter';
import { AwsOperation, AwsTarget } from './target';

/**
 * The one way the api-gateway-logging plugin and its modules reach AWS. Root
 * scoped: one instance per backend, so every plugin and module shares ONE
 * rate limiter per service, account and region (two limiters for one
 * account would together exceed AWS's quota).
 *
 * @public
 */
export interface AwsAccessService {
  /** An SDK client for the account and region, with that account's credentials. */
  client<C>(target: AwsTarget, Client: AwsClientClass<C>): Promise<C>;
  /**
   * Makes one call: rate-limited per service, account and region, bounded
   * in time, retried when worth it; failures are `AwsReadError`s.
   */
  call<T>(
    target: AwsTarget,
    op: AwsOperation,
    send: (abortSignal: AbortSignal) => Promise<T>,
    options?: AwsCallOptions,
  ): Promise<T>;
  /** Calls made so far, by command: for tests and benchmarks. */
  stats(): AwsCallStats;
}

/** Options of {@link createAwsAccess}. @public */
export interface CreateAwsAccessOptions {
  config: Config;
  credentialsManager?: AwsCredentialsManager;
  /** Tests shorten the retry backoff. */
  backoffMs?: number;
}

/** Builds the AWS access from the root config (the service's default). @public */
export function createAwsAccess(
  options: CreateAwsAccessOptions,
): AwsAccessService {
  const settings = readAwsAccessConfig(options.config);
  const clients = new AwsClients({
    credentialsManager:
      options.credentialsManager ??
      DefaultAwsCredentialsManager.fromConfig(options.config),
    endpoint: settings.endpoint,
    requestTimeoutMs: settings.requestTimeoutMs,
  });
  const caller = new AwsCaller({
    limiter: new RateLimiter(
      key =>
        settings.ratePerSecond[key.slice(0, key.indexOf(':'))] ??
        settings.defaultRatePerSecond,
    ),
    requestTimeoutMs: settings.requestTimeoutMs,
    backoffMs: options.backoffMs,
    rateConfigKey: service =>
      RATE_CONFIG_KEYS[service] ?? `the rate of ${service}`,
  });
  return {
    client: (target, Client) => clients.client(target, Client),
    call: (target, op, send, callOptions) =>
      caller.call(target, op, send, callOptions),
    stats: () => caller.stats(),
  };
}

/**
 * The {@link AwsAccessService}; override its factory to bring your own
 * credentials manager or limits.
 *
 * @public
 */
export const awsAccessServiceRef = createServiceRef<AwsAccessService>({
  id: 'api-gateway-logging.aws-access',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => createAwsAccess({ config }),
    }),
});
