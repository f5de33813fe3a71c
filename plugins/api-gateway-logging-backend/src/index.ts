/**
 * Backend plugin for API Gateway logging: audits stage logging configuration
 * and serves parsed execution-log traces. Modules extend it through
 * `@apigw-logging/plugin-api-gateway-logging-node`.
 *
 * @packageDocumentation
 */

export { apiGatewayLoggingPlugin as default } from './plugin';
export {
  auditServiceRef,
  coverageServiceRef,
  failuresServiceRef,
  tracesServiceRef,
} from './services/refs';
export type { AuditService } from './services/audit/types';
export type { CoverageService } from './services/coverage/types';
export type { FailuresService, FailuresQuery } from './services/failures/types';
export type { TraceService, TraceQuery } from './services/traces/types';
export type { LinkedEntity } from './services/entities/EntityLoader';
export type { StageSelector } from './services/logs/LogLocator';
