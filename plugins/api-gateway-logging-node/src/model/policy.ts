/**
 * The logging policy a stage is checked against. The default comes from
 * app-config (`apiGatewayLogging.policy`); a module can decide it per stage
 * (per owner, system, lifecycle or stage name) through the policy extension
 * point.
 *
 * @public
 */
export interface LoggingPolicy {
  executionLoggingLevels: Array<'ERROR' | 'INFO'>;
  accessLogFormat: { requireJson: boolean; requiredFields: string[] };
  /** Stage names (or `*`) on which full request/response data tracing must be off. */
  dataTraceForbiddenStages: string[];
  requireDetailedMetrics: boolean;
  requireXrayTracing: boolean;
  minimumRetentionDays: number;
  requireKmsEncryption: boolean;
  /** Check ids not run on the stage (their results are left out). */
  disabledChecks: string[];
}

/** The policy defaults, as documented in the backend's config.d.ts. @public */
export const DEFAULT_LOGGING_POLICY: LoggingPolicy = Object.freeze({
  executionLoggingLevels: ['ERROR', 'INFO'],
  accessLogFormat: { requireJson: false, requiredFields: [] },
  dataTraceForbiddenStages: ['*'],
  requireDetailedMetrics: false,
  requireXrayTracing: false,
  minimumRetentionDays: 365,
  requireKmsEncryption: true,
  disabledChecks: [],
}) as LoggingPolicy;
