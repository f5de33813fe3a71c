import { Config } from '@backstage/config';
import { parseStageArn } from '@apigw-logging/plugin-api-gateway-logging-common';

/** The logging policy every stage is checked against (config `policy`). */
export interface AuditPolicy {
  executionLoggingLevels: Array<'ERROR' | 'INFO'>;
  accessLogFormat: { requireJson: boolean; requiredFields: string[] };
  dataTraceForbiddenStages: string[];
  requireDetailedMetrics: boolean;
  requireXrayTracing: boolean;
  minimumRetentionDays: number;
  requireKmsEncryption: boolean;
}

/** One account and the regions a tag query searches. */
export interface DiscoveryTarget {
  /** Undefined: the default account of the `aws` config. */
  accountId?: string;
  regions: string[];
}

/** The plugin's config (`apiGatewayLogging`), with defaults applied. */
export interface ApiGatewayLoggingConfig {
  aws: {
    endpoint?: string;
    apiGatewayRequestsPerSecond: number;
    logsRequestsPerSecond: number;
    requestTimeoutMs: number;
  };
  discovery: DiscoveryTarget[];
  cache: { auditTtlSeconds: number };
  policy: AuditPolicy;
  /** Execution log group overrides by stage ARN. */
  executionLogGroups: Map<string, string>;
}

/** The policy defaults, as documented in config.d.ts. */
export const DEFAULT_POLICY: AuditPolicy = {
  executionLoggingLevels: ['ERROR', 'INFO'],
  accessLogFormat: { requireJson: false, requiredFields: [] },
  dataTraceForbiddenStages: ['*'],
  requireDetailedMetrics: false,
  requireXrayTracing: false,
  minimumRetentionDays: 365,
  requireKmsEncryption: true,
};

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(
      `apiGatewayLogging.${key} must be a positive number, got ${value}`,
    );
  }
  return value;
}

function readPolicy(config: Config | undefined): AuditPolicy {
  if (!config) return DEFAULT_POLICY;
  const levels = config.getOptionalStringArray('executionLoggingLevels');
  for (const level of levels ?? []) {
    if (level !== 'ERROR' && level !== 'INFO') {
      throw new Error(
        `apiGatewayLogging.policy.executionLoggingLevels may hold ERROR and INFO, not ${level}`,
      );
    }
  }
  return {
    executionLoggingLevels:
      (levels as Array<'ERROR' | 'INFO'> | undefined) ??
      DEFAULT_POLICY.executionLoggingLevels,
    accessLogFormat: {
      requireJson:
        config.getOptionalBoolean('accessLogFormat.requireJson') ?? false,
      requiredFields:
        config.getOptionalStringArray('accessLogFormat.requiredFields') ?? [],
    },
    dataTraceForbiddenStages:
      config.getOptionalStringArray('dataTraceForbiddenStages') ??
      DEFAULT_POLICY.dataTraceForbiddenStages,
    requireDetailedMetrics:
      config.getOptionalBoolean('requireDetailedMetrics') ?? false,
    requireXrayTracing:
      config.getOptionalBoolean('requireXrayTracing') ?? false,
    minimumRetentionDays:
      config.getOptionalNumber('minimumRetentionDays') ??
      DEFAULT_POLICY.minimumRetentionDays,
    requireKmsEncryption:
      config.getOptionalBoolean('requireKmsEncryption') ?? true,
  };
}

/** Reads `apiGatewayLogging` from the root config, once, at startup. */
export function readApiGatewayLoggingConfig(
  rootConfig: Config,
): ApiGatewayLoggingConfig {
  const config = rootConfig.getOptionalConfig('apiGatewayLogging');
  const aws = config?.getOptionalConfig('aws');
  const read = (c: Config | undefined, key: string, fallback: number) =>
    c ? positive(c, key, fallback) : fallback;
  return {
    aws: {
      endpoint: aws?.getOptionalString('endpoint'),
      apiGatewayRequestsPerSecond: read(aws, 'apiGatewayRequestsPerSecond', 8),
      logsRequestsPerSecond: read(aws, 'logsRequestsPerSecond', 4),
      requestTimeoutMs: read(aws, 'requestTimeoutMs', 10000),
    },
    discovery: (config?.getOptionalConfigArray('discovery') ?? []).map(d => ({
      accountId: d.getOptionalString('accountId'),
      regions: d.getStringArray('regions'),
    })),
    cache: {
      auditTtlSeconds: read(
        config?.getOptionalConfig('cache'),
        'auditTtlSeconds',
        300,
      ),
    },
    policy: readPolicy(config?.getOptionalConfig('policy')),
    executionLogGroups: new Map(
      (config?.getOptionalConfigArray('executionLogGroups') ?? []).map(e => [
        // Normalized as the annotation's ARNs are (empty account field).
        parseStageArn(e.getString('stageArn')).arn,
        e.getString('logGroupName'),
      ]),
    ),
  };
}
