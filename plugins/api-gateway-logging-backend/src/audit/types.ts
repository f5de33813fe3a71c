import { ApiType } from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * Logging settings of all methods (`*` + `/*`, or an HTTP/WebSocket API's
 * DefaultRouteSettings) or of one method or route. Undefined: not set.
 */
export interface MethodLogging {
  loggingLevel?: string;
  dataTraceEnabled?: boolean;
  metricsEnabled?: boolean;
}

/** A per-method (REST) or per-route (WebSocket, HTTP) override. */
export interface MethodOverride extends MethodLogging {
  /** The key as AWS stores it: `pets~1{id}/GET`, or a route key. */
  key: string;
  /** What a person reads: `GET /pets/{id}`, or the route key. */
  label: string;
}

/**
 * One stage's configuration, from REST (v1) or HTTP/WebSocket (v2), in one
 * shape. Plain JSON: it is cached.
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
}

/** The account-level API Gateway settings of one region (`GetAccount`). */
export interface AccountSettings {
  cloudwatchRoleArn?: string;
}

/** A CloudWatch Logs group as the audit sees it. */
export interface LogGroupInfo {
  name: string;
  exists: boolean;
  /** Undefined: never expire. */
  retentionInDays?: number;
  kmsKeyId?: string;
}

/** A log group that could not be read, and why. */
export interface LogGroupError {
  name: string;
  error: string;
}

/** What was learnt about one log group. */
export type LogGroupLookup = LogGroupInfo | LogGroupError;

/** Where a stage is: what remediation commands need. */
export interface StageLocation {
  partition: string;
  region: string;
  accountId?: string;
}

/**
 * What the rules read about one stage. `account` and `logGroups` hold an
 * error message when AWS could not be read, so the affected checks say
 * `error` and the others still run.
 */
export interface AuditInput {
  stage: StageConfig;
  location: StageLocation;
  account: AccountSettings | { error: string };
  /**
   * The execution log group (REST, WebSocket, when some method logs) and the
   * access log group (when access logs go to CloudWatch Logs).
   */
  logGroups: { execution?: LogGroupLookup; access?: LogGroupLookup };
}
