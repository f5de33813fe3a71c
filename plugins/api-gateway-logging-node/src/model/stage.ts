import type { ApiType } from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * Logging settings of all methods (REST `*` + `/*`, or an HTTP/WebSocket
 * API's DefaultRouteSettings) or of one method or route. Undefined: not set.
 *
 * @public
 */
export interface MethodLogging {
  loggingLevel?: string;
  dataTraceEnabled?: boolean;
  metricsEnabled?: boolean;
}

/** A per-method (REST) or per-route (WebSocket, HTTP) override. @public */
export interface MethodOverride extends MethodLogging {
  /** The key as AWS stores it: `pets~1{id}/GET`, or a route key. */
  key: string;
  /** What a person reads: `GET /pets/{id}`, or the route key. */
  label: string;
}

/**
 * One stage's configuration, from REST (v1) or HTTP/WebSocket (v2), in one
 * shape. Plain JSON: it is cached and stored.
 *
 * @public
 */
export interface StageConfig {
  apiId: string;
  apiType: ApiType;
  apiName?: string;
  stageName: string;
  defaults?: MethodLogging;
  overrides: MethodOverride[];
  accessLog?: { destinationArn?: string; format?: string };
  /** REST only. */
  tracingEnabled?: boolean;
  tags: Record<string, string>;
  /** The deployment the stage serves, when AWS says. */
  deploymentId?: string;
  /** When the stage was last changed (ISO 8601), when AWS says. */
  lastUpdatedDate?: string;
}

/** The account-level API Gateway settings of one region (`GetAccount`). @public */
export interface AccountSettings {
  cloudwatchRoleArn?: string;
}

/** A CloudWatch Logs group as the audit sees it. @public */
export interface LogGroupInfo {
  name: string;
  exists: boolean;
  /** Undefined: never expire. */
  retentionInDays?: number;
  kmsKeyId?: string;
  /** Bytes stored, as DescribeLogGroups reports it. */
  storedBytes?: number;
}

/** A read that failed, and why (the message says what to do). @public */
export interface ReadFailure {
  error: string;
}

/** A log group that could not be read. @public */
export interface LogGroupError extends ReadFailure {
  name: string;
}

/** What was learnt about one log group. @public */
export type LogGroupLookup = LogGroupInfo | LogGroupError;

/** Whether a read failed. @public */
export function isReadFailure<T extends object>(
  value: T | ReadFailure,
): value is ReadFailure {
  return typeof (value as ReadFailure).error === 'string';
}

/** Where a stage is: what remediation commands need. @public */
export interface StageLocation {
  partition: string;
  region: string;
  accountId?: string;
}
