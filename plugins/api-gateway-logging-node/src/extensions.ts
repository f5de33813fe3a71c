import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { AuditCheck, AuditInputReader } from './model/audit';
import type { LogSource } from './model/logs';
import type { LoggingPolicy } from './model/policy';
import type { StageConfig, StageLocation } from './model/stage';

/**
 * Adds checks to the audit, or replaces a check by id (the nine built-in
 * checks are added through this same point), and the input readers that
 * fetch what new checks read.
 *
 * @public
 */
export interface ApiGatewayLoggingChecksExtensionPoint {
  addChecks(...checks: AuditCheck[]): void;
  addInputReaders(...readers: AuditInputReader[]): void;
}

/** @public */
export const apiGatewayLoggingChecksExtensionPoint =
  createExtensionPoint<ApiGatewayLoggingChecksExtensionPoint>({
    id: 'api-gateway-logging.checks',
  });

/** What a {@link PolicyProvider} decides from. @public */
export interface StagePolicyContext {
  stageArn: string;
  stage: StageConfig;
  location: StageLocation;
  /** The catalog entity that claims the stage; undefined for an unclaimed stage. */
  entity?: Entity;
  /** The app-config policy (`apiGatewayLogging.policy`), to start from. */
  configured: LoggingPolicy;
}

/** Decides the policy a stage is checked against. @public */
export interface PolicyProvider {
  policyFor(
    context: StagePolicyContext,
  ): LoggingPolicy | Promise<LoggingPolicy>;
}

/**
 * Replaces how the policy of a stage is decided (default: the app-config
 * policy for every stage), e.g. per owner, system, lifecycle or stage name.
 *
 * @public
 */
export interface ApiGatewayLoggingPolicyExtensionPoint {
  setPolicyProvider(provider: PolicyProvider): void;
}

/** @public */
export const apiGatewayLoggingPolicyExtensionPoint =
  createExtensionPoint<ApiGatewayLoggingPolicyExtensionPoint>({
    id: 'api-gateway-logging.policy',
  });

/**
 * Adds a place where stages' logs live (the built-in source reads the
 * CloudWatch Logs groups a stage names).
 *
 * @public
 */
export interface ApiGatewayLoggingLogSourcesExtensionPoint {
  addLogSource(source: LogSource): void;
}

/** @public */
export const apiGatewayLoggingLogSourcesExtensionPoint =
  createExtensionPoint<ApiGatewayLoggingLogSourcesExtensionPoint>({
    id: 'api-gateway-logging.log-sources',
  });
