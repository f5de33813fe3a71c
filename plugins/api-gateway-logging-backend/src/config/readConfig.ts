import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Duration } from 'luxon';
import {
  DEFAULT_LOGGING_POLICY,
  LoggingPolicy,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { parseStageArn } from '@apigw-logging/plugin-api-gateway-logging-common';

/** One account and the regions the plugin searches (tag queries, sweeps). */
export interface DiscoveryTarget {
  /** Undefined: the default account of the `aws` config. */
  accountId?: string;
  regions: string[];
}

import { FilterPatternMode } from '@apigw-logging/plugin-api-gateway-logging-common';

/** `apiGatewayLogging.failures`, with defaults. */
export interface FailuresConfig {
  defaultWindowMs: number;
  maxWindowMs: number;
  /** Items per page a caller may ask for (and the default). */
  pageSize: number;
  filterPatternMode: FilterPatternMode;
  /** Cap on events read per log group per query. */
  maxEventsPerQuery: number;
  /**
   * Cap on FilterLogEvents calls per log group per query. AWS may answer
   * empty pages with a nextToken while it scans: they count here, and the
   * request deadline bounds the time they take.
   */
  maxCallsPerQuery: number;
  /** Half-width of the window a trace is looked for around a given time. */
  traceWindowMs: number;
  /**
   * A failures or trace request answers within this time with what it
   * read (incomplete if need be), even when AWS hangs or throttles.
   */
  requestDeadlineMs: number;
  /** Logs Insights for windows longer than a threshold; undefined: FilterLogEvents only. */
  insights?: InsightsConfig;
}

/** `apiGatewayLogging.failures.insights`. */
export interface InsightsConfig {
  /** Windows longer than this are searched with Logs Insights. */
  thresholdMs: number;
  /** Queries at once per account and region (AWS allows 30 to 100 per account). */
  maxConcurrentQueries: number;
  pollIntervalMs: number;
}

/** Which log groups the plugin may read besides a stage's own. */
export interface LogGroupAccess {
  /** Execution log groups named per stage ARN by the operator. */
  executionLogGroups: Map<string, string>;
  /**
   * Patterns (`*` matches any run of characters) of log groups an entity's
   * `aws.amazon.com/api-gateway-execution-log-group` annotation may name.
   * Empty: the annotation may only name a stage's default group.
   */
  allowedPatterns: string[];
}

/** `apiGatewayLogging.sweep`: the scheduled sweep of the estate. */
export interface SweepConfig {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** History and daily coverage older than this are forgotten. */
  historyRetentionMs: number;
  /** How long a sweep may run (the schedule's timeout). */
  timeoutMs: number;
  /** Log groups of a region listed at most (pages of 50) to index them. */
  maxLogGroupPages: number;
}

/** `apiGatewayLogging.cost`: prices to estimate log volume's cost. */
export interface CostConfig {
  ingestionUsdPerGb: number;
  storageUsdPerGbMonth: number;
  /** Days of `IncomingBytes` averaged. */
  days: number;
}

/** The plugin's config (`apiGatewayLogging`), read once, with defaults. */
export interface ApiGatewayLoggingConfig {
  discovery: DiscoveryTarget[];
  sweep: SweepConfig;
  cost: CostConfig;
  cache: { auditTtlMs: number; failuresTtlMs: number };
  policy: LoggingPolicy;
  logGroups: LogGroupAccess;
  failures: FailuresConfig;
}

/** The largest page a caller may ask for, whatever the config says. */
export const MAX_PAGE_SIZE = 500;

function positive(config: Config | undefined, key: string, fallback: number) {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(
      `${key} in apiGatewayLogging must be a positive number, got ${value}`,
    );
  }
  return value;
}

function readPolicy(config: Config | undefined): LoggingPolicy {
  const defaults = DEFAULT_LOGGING_POLICY;
  if (!config) return defaults;
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
      (levels as LoggingPolicy['executionLoggingLevels'] | undefined) ??
      defaults.executionLoggingLevels,
    accessLogFormat: {
      requireJson:
        config.getOptionalBoolean('accessLogFormat.requireJson') ?? false,
      requiredFields:
        config.getOptionalStringArray('accessLogFormat.requiredFields') ?? [],
    },
    dataTraceForbiddenStages:
      config.getOptionalStringArray('dataTraceForbiddenStages') ??
      defaults.dataTraceForbiddenStages,
    requireDetailedMetrics:
      config.getOptionalBoolean('requireDetailedMetrics') ?? false,
    requireXrayTracing:
      config.getOptionalBoolean('requireXrayTracing') ?? false,
    minimumRetentionDays:
      config.getOptionalNumber('minimumRetentionDays') ??
      defaults.minimumRetentionDays,
    requireKmsEncryption:
      config.getOptionalBoolean('requireKmsEncryption') ?? true,
    disabledChecks: config.getOptionalStringArray('disabledChecks') ?? [],
  };
}

function readFailures(config: Config | undefined): FailuresConfig {
  const mode = config?.getOptionalString('filterPatternMode') ?? 'any-term';
  if (mode !== 'any-term' && mode !== 'exact-phrase') {
    throw new Error(
      `apiGatewayLogging.failures.filterPatternMode must be any-term or exact-phrase, not ${mode}`,
    );
  }
  const pageSize = positive(config, 'pageSize', 100);
  if (pageSize > MAX_PAGE_SIZE) {
    throw new Error(
      `apiGatewayLogging.failures.pageSize is at most ${MAX_PAGE_SIZE}, got ${pageSize}`,
    );
  }
  return {
    defaultWindowMs: positive(config, 'defaultWindowMinutes', 60) * 60_000,
    maxWindowMs: positive(config, 'maxWindowHours', 24) * 3_600_000,
    pageSize,
    filterPatternMode: mode,
    maxEventsPerQuery: positive(config, 'maxEventsPerQuery', 20_000),
    maxCallsPerQuery: positive(config, 'maxCallsPerQuery', 100),
    traceWindowMs: positive(config, 'traceWindowMinutes', 15) * 60_000,
    requestDeadlineMs: positive(config, 'requestDeadlineSeconds', 25) * 1000,
    ...readInsights(config?.getOptionalConfig('insights')),
  };
}

function readInsights(config: Config | undefined): {
  insights?: InsightsConfig;
} {
  if (config?.getOptionalBoolean('enabled') === false) return {};
  return {
    insights: {
      thresholdMs: positive(config, 'thresholdHours', 6) * 3_600_000,
      maxConcurrentQueries: positive(config, 'maxConcurrentQueries', 10),
      pollIntervalMs: positive(config, 'pollIntervalMs', 1000),
    },
  };
}

function readLogGroupAccess(config: Config | undefined): LogGroupAccess {
  return {
    executionLogGroups: new Map(
      (config?.getOptionalConfigArray('executionLogGroups') ?? []).map(e => [
        // Normalized as the annotation's ARNs are (empty account field).
        parseStageArn(e.getString('stageArn')).arn,
        e.getString('logGroupName'),
      ]),
    ),
    allowedPatterns:
      config?.getOptionalStringArray('allowedLogGroupPatterns') ?? [],
  };
}

/** Reads `apiGatewayLogging` from the root config, once, at startup. */
export function readApiGatewayLoggingConfig(
  rootConfig: Config,
): ApiGatewayLoggingConfig {
  const config = rootConfig.getOptionalConfig('apiGatewayLogging');
  const cache = config?.getOptionalConfig('cache');
  return {
    discovery: (config?.getOptionalConfigArray('discovery') ?? []).map(d => ({
      accountId: d.getOptionalString('accountId'),
      regions: d.getStringArray('regions'),
    })),
    cache: {
      auditTtlMs: positive(cache, 'auditTtlSeconds', 300) * 1000,
      failuresTtlMs: positive(cache, 'failuresTtlSeconds', 60) * 1000,
    },
    sweep: readSweep(config?.getOptionalConfig('sweep')),
    cost: readCost(config?.getOptionalConfig('cost')),
    policy: readPolicy(config?.getOptionalConfig('policy')),
    logGroups: readLogGroupAccess(config),
    failures: readFailures(config?.getOptionalConfig('failures')),
  };
}

function readSweep(config: Config | undefined): SweepConfig {
  const configured = config?.getOptionalConfig('schedule');
  const schedule: SchedulerServiceTaskScheduleDefinition = {
    ...(configured
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
      : {
          frequency: { hours: 1 },
          timeout: { minutes: 30 },
          initialDelay: { seconds: 10 },
        }),
    // Global whatever the config says: with several backend replicas on
    // one database, exactly one sweeps each interval.
    scope: 'global',
  };
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    schedule,
    timeoutMs: durationMs(schedule.timeout),
    historyRetentionMs:
      positive(config, 'historyRetentionDays', 400) * 86_400_000,
    maxLogGroupPages: positive(config, 'maxLogGroupPages', 2000),
  };
}

function readCost(config: Config | undefined): CostConfig {
  return {
    ingestionUsdPerGb: positive(config, 'ingestionUsdPerGb', 0.5),
    storageUsdPerGbMonth: positive(config, 'storageUsdPerGbMonth', 0.03),
    days: positive(config, 'days', 7),
  };
}

/** A schedule's duration (ISO 8601 or `{ minutes: 30 }`) in milliseconds. */
function durationMs(
  duration: SchedulerServiceTaskScheduleDefinition['timeout'],
): number {
  return (
    typeof duration === 'string'
      ? Duration.fromISO(duration)
      : Duration.fromObject(duration)
  ).toMillis();
}
