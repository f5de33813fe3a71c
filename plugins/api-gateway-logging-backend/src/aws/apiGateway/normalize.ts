import type { Stage as RestStage } from '@aws-sdk/client-api-gateway';
import type { Stage as V2Stage } from '@aws-sdk/client-apigatewayv2';
import {
  MethodOverride,
  StageConfig,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { ApiInfo } from './types';

const ALL_METHODS = '*/*';

/**
 * `pets~1{id}/GET` → `GET /pets/{id}`: the last `/` separates the method,
 * `~1` is an escaped `/` of the resource path.
 */
export function methodLabel(key: string): string {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return key;
  const method = key.slice(slash + 1);
  const path = key.slice(0, slash).replace(/~1/g, '/');
  return `${method} ${path.startsWith('/') ? path : `/${path}`}`;
}

/** A REST stage from `GetStages` in the shape the rules read. */
export function normalizeRestStage(
  apiId: string,
  stage: RestStage,
  apiName?: string,
): StageConfig {
  const settings = stage.methodSettings ?? {};
  const pick = (key: string) => ({
    loggingLevel: settings[key]?.loggingLevel,
    dataTraceEnabled: settings[key]?.dataTraceEnabled,
    metricsEnabled: settings[key]?.metricsEnabled,
  });
  const overrides: MethodOverride[] = Object.keys(settings)
    .filter(key => key !== ALL_METHODS)
    .sort()
    .map(key => ({ key, label: methodLabel(key), ...pick(key) }));
  return clean({
    apiId,
    apiType: 'REST',
    apiName,
    stageName: stage.stageName ?? '',
    defaults: settings[ALL_METHODS] ? pick(ALL_METHODS) : undefined,
    overrides,
    accessLog: stage.accessLogSettings?.destinationArn
      ? {
          destinationArn: stage.accessLogSettings.destinationArn,
          format: stage.accessLogSettings.format,
        }
      : undefined,
    tracingEnabled: stage.tracingEnabled ?? false,
    tags: stage.tags ?? {},
    deploymentId: stage.deploymentId,
    lastUpdatedDate: isoDate(stage.lastUpdatedDate),
  });
}

/** An HTTP or WebSocket stage from `GetStages` in the same shape. */
export function normalizeV2Stage(api: ApiInfo, stage: V2Stage): StageConfig {
  const routes = stage.RouteSettings ?? {};
  const defaults = stage.DefaultRouteSettings;
  return clean({
    apiId: api.apiId,
    apiType: api.apiType,
    apiName: api.name,
    stageName: stage.StageName ?? '',
    defaults: defaults
      ? {
          loggingLevel: defaults.LoggingLevel,
          dataTraceEnabled: defaults.DataTraceEnabled,
          metricsEnabled: defaults.DetailedMetricsEnabled,
        }
      : undefined,
    overrides: Object.keys(routes)
      .sort()
      .map(key => ({
        key,
        label: key,
        loggingLevel: routes[key].LoggingLevel,
        dataTraceEnabled: routes[key].DataTraceEnabled,
        metricsEnabled: routes[key].DetailedMetricsEnabled,
      })),
    accessLog: stage.AccessLogSettings?.DestinationArn
      ? {
          destinationArn: stage.AccessLogSettings.DestinationArn,
          format: stage.AccessLogSettings.Format,
        }
      : undefined,
    tags: stage.Tags ?? {},
    deploymentId: stage.DeploymentId,
    lastUpdatedDate: isoDate(stage.LastUpdatedDate),
  });
}

/** A date from the SDK (a Date, or epoch seconds from some emulators) as ISO 8601. */
function isoDate(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'number' ? value * 1000 : String(value));
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

// The result is cached as JSON: drop undefined members so that a value read
// from the cache equals the value first computed.
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
