import type {
  CheckStatus,
  EvidenceValue,
  Remediation,
  Severity,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import type { JsonValue } from '@backstage/types';
import type { AwsTarget } from '../aws/target';
import type { LoggingPolicy } from './policy';
import type {
  AccountSettings,
  LogGroupLookup,
  ReadFailure,
  StageConfig,
  StageLocation,
} from './stage';

/**
 * Inputs the audit reads from AWS for every check: `stage` (GetStages, always
 * read), `account` (GetAccount: the region's CloudWatch role) and
 * `log-groups` (DescribeLogGroups: the stage's execution and access log
 * groups). A module adds more with an {@link AuditInputReader}.
 *
 * @public
 */
export const BUILT_IN_AUDIT_INPUTS = [
  'stage',
  'account',
  'log-groups',
] as const;

/** What the checks read about one stage. @public */
export interface AuditInput {
  stage: StageConfig;
  location: StageLocation;
  /** The region's account settings (empty when no check reads them, or for HTTP APIs). */
  account: AccountSettings | ReadFailure;
  /** The execution log group (REST, WebSocket) and the access log group (CloudWatch destinations). */
  logGroups: { execution?: LogGroupLookup; access?: LogGroupLookup };
  /** What modules' input readers returned, by reader id. */
  extra: Record<string, JsonValue | ReadFailure>;
}

/** The result of evaluating one check on one stage. @public */
export interface CheckOutcome {
  status: CheckStatus;
  /** One sentence a person can act on. */
  message: string;
  /** The values read from AWS that led to the status. */
  evidence: Record<string, EvidenceValue>;
  /** How to fix it: kept only for `fail` and `warn`. */
  remediation?: Remediation;
  /** Overrides the check's severity for this stage (e.g. higher when the policy requires it). */
  severity?: Severity;
}

/**
 * One check of a stage's logging configuration. Checks are pure: all AWS
 * reading happens before, according to `reads`.
 *
 * @public
 */
export interface AuditCheck {
  /** Stable id, e.g. `execution-logging`; a module's check with a built-in id replaces it. */
  id: string;
  title: string;
  severity: Severity;
  /** What the check requires and why, in a sentence or two. */
  description: string;
  /** Ids of the inputs it reads: built-in ({@link BUILT_IN_AUDIT_INPUTS}) or a module reader's. */
  reads: string[];
  evaluate(input: AuditInput, policy: LoggingPolicy): CheckOutcome;
}

/** What an {@link AuditInputReader} knows about the stage it reads for. @public */
export interface AuditInputContext {
  stageArn: string;
  stage: StageConfig;
  location: StageLocation;
  target: AwsTarget;
  logGroups: AuditInput['logGroups'];
}

/**
 * Reads one more input of the audit from AWS (or elsewhere) for one stage;
 * what it returns is `input.extra[id]` for the checks that read `id`. A
 * thrown error becomes a {@link ReadFailure} with its message, and those
 * checks decide what it means (usually `error`).
 *
 * @public
 */
export interface AuditInputReader {
  id: string;
  description: string;
  read(context: AuditInputContext): Promise<JsonValue>;
}

/**
 * A check outcome; the remediation is kept only for `fail` and `warn` (an
 * `error` is fixed by access or a retry, which its message says).
 *
 * @public
 */
export function checkOutcome(
  status: CheckStatus,
  message: string,
  evidence: Record<string, EvidenceValue>,
  remediation?: Remediation,
): CheckOutcome {
  return {
    status,
    message,
    evidence,
    ...(remediation && (status === 'fail' || status === 'warn')
      ? { remediation }
      : {}),
  };
}
