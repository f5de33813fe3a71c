import { CacheService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import {
  ApiGatewayLoggingConfig,
  readApiGatewayLoggingConfig,
} from '../config';
import { Memo } from '../lib/Memo';
import { CachedApiGatewayReader } from './ApiGatewayReader/CachedApiGatewayReader';
import { DefaultApiGatewayReader } from './ApiGatewayReader/DefaultApiGatewayReader';
import { CachedLogGroupReader } from './LogGroupReader/CachedLogGroupReader';
import { DefaultLogGroupReader } from './LogGroupReader/DefaultLogGroupReader';
import { StageConfigLoader } from './AuditService/StageConfigLoader';
import { StageRefResolver } from './AuditService/StageRefResolver';
import { TagDiscovery } from './AuditService/TagDiscovery';
import { AwsCaller } from './aws/AwsCaller';
import { AwsClients } from './aws/AwsClients';
import { RateLimiter } from './aws/RateLimiter';

/**
 * The AWS plumbing every feature of the plugin shares, built once: clients
 * per account and region, ONE rate limiter per service, account and region
 * (two limiters for one account would together exceed the quota), and the
 * cached readers, so the audit and the log features reuse each other's
 * reads.
 */
export interface AwsContext {
  config: ApiGatewayLoggingConfig;
  clients: AwsClients;
  caller: AwsCaller;
  apiGateway: CachedApiGatewayReader;
  logGroups: CachedLogGroupReader;
  stages: StageConfigLoader;
  stageRefs: StageRefResolver;
  discovery: TagDiscovery;
}

export function createAwsContext(
  rootConfig: Config,
  deps: {
    cache: CacheService;
    credentialsManager?: AwsCredentialsManager;
    /** Tests shorten the retry backoff. */
    backoffMs?: number;
  },
): AwsContext {
  const config = readApiGatewayLoggingConfig(rootConfig);
  const clients = new AwsClients({
    credentialsManager:
      deps.credentialsManager ??
      DefaultAwsCredentialsManager.fromConfig(rootConfig),
    endpoint: config.aws.endpoint,
    requestTimeoutMs: config.aws.requestTimeoutMs,
  });
  const caller = new AwsCaller({
    limiter: new RateLimiter(key =>
      key.startsWith('logs:')
        ? config.aws.logsRequestsPerSecond
        : config.aws.apiGatewayRequestsPerSecond,
    ),
    requestTimeoutMs: config.aws.requestTimeoutMs,
    backoffMs: deps.backoffMs,
  });
  const memo = new Memo(deps.cache, config.cache.auditTtlSeconds * 1000);
  const apiGateway = new CachedApiGatewayReader(
    new DefaultApiGatewayReader(clients, caller),
    memo,
  );
  const logGroups = new CachedLogGroupReader(
    new DefaultLogGroupReader(clients, caller),
    memo,
  );
  const discovery = new TagDiscovery(apiGateway, config.discovery);
  return {
    config,
    clients,
    caller,
    apiGateway,
    logGroups,
    stages: new StageConfigLoader(apiGateway),
    stageRefs: new StageRefResolver(discovery),
    discovery,
  };
}
