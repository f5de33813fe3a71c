import type { ApiType } from './stageRef';

/**
 * The stable ids of the logging audit's checks, in the order they are shown.
 *
 * @public
 */
export const AUDIT_CHECK_IDS = [
  'execution-logging',
  'access-logging',
  'access-log-format',
  'data-trace',
  'detailed-metrics',
  'xray-tracing',
  'cloudwatch-role',
  'log-retention',
  'log-encryption',
] as const;

/** One of {@link AUDIT_CHECK_IDS}. @public */
export type AuditCheckId = (typeof AUDIT_CHECK_IDS)[number];

/**
 * The outcome of one check on one stage. `error`: the check could not be
 * evaluated (AWS refused or failed a call); the message says why.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not-applicable' | 'error';

/** Every {@link CheckStatus}, for filters and summaries. @public */
export const CHECK_STATUSES: readonly CheckStatus[] = [
  'pass',
  'fail',
  'warn',
  'not-applicable',
  'error',
];

/** How much a failing check matters. @public */
export type Severity = 'high' | 'medium' | 'low';

/** A value read from AWS and shown as evidence: plain JSON. @public */
export type EvidenceValue =
  | string
  | number
  | boolean
  | null
  | EvidenceValue[]
  | { [key: string]: EvidenceValue };

/**
 * How to fix a failing check: in words, with the AWS CLI (real ids filled
 * in), and in infrastructure as code.
 *
 * @public
 */
export interface Remediation {
  /** What to change. */
  summary: string;
  /** AWS CLI commands that make the change, ready to run. */
  cli: string[];
  /** The CloudFormation resource property, e.g. `AWS::ApiGateway::Stage MethodSettings[].LoggingLevel`. */
  cloudFormation?: string;
  /** The Terraform argument, e.g. `aws_api_gateway_method_settings.settings.logging_level`. */
  terraform?: string;
}

/** The result of one check on one stage. @public */
export interface AuditCheckResult {
  id: AuditCheckId;
  status: CheckStatus;
  severity: Severity;
  /** One sentence a person can act on. */
  message: string;
  /** The values read from AWS that led to the status. */
  evidence: Record<string, EvidenceValue>;
  /** Present when the status is `fail` or `warn`. */
  remediation?: Remediation;
}

/** The audit of one stage. @public */
export interface StageAudit {
  arn: string;
  apiId: string;
  /** Unknown only when AWS could not be read for a v2 stage. */
  apiType?: ApiType;
  /** The API's name in API Gateway, when AWS could be read. */
  apiName?: string;
  stageName: string;
  /** Undefined: the default account of the backend's `aws` config. */
  accountId?: string;
  region: string;
  /** Why the stage could not be read; every check is then `error`. */
  error?: string;
  checks: AuditCheckResult[];
}

/** Counts of check results by status. @public */
export type StatusCounts = Record<CheckStatus, number>;

/** Totals over an audit. @public */
export interface AuditSummary {
  stages: number;
  /** Check results by status, over every stage. */
  checks: StatusCounts;
  /** Stages with at least one `fail` (or `error`) check. */
  failingStages: number;
}

/**
 * A part of the estate the audit could not search (tag queries only): the
 * stages there are unknown, not absent.
 *
 * @public
 */
export interface DiscoveryError {
  /** Undefined: the default account. */
  accountId?: string;
  region: string;
  message: string;
}

/**
 * `GET /entities/:namespace/:kind/:name/audit`.
 *
 * @public
 */
export interface EntityAuditResponse {
  entityRef: string;
  selector: 'arns' | 'tags';
  /** When the AWS data behind the audit was read (it is cached briefly). */
  generatedAt: string;
  stages: StageAudit[];
  discoveryErrors: DiscoveryError[];
  summary: AuditSummary;
}

/** One catalog entity in the coverage report. @public */
export interface CoverageEntity {
  entityRef: string;
  kind: string;
  title?: string;
  /** The owner as an entity ref, e.g. `group:default/team-a`. */
  owner?: string;
  /** The system as an entity ref, e.g. `system:default/payments`. */
  system?: string;
  /** Whether the entity carries a stage annotation. */
  linked: boolean;
  /** Why the entity could not be audited (e.g. a malformed annotation). */
  error?: string;
  stages: StageAudit[];
  discoveryErrors: DiscoveryError[];
  summary: AuditSummary;
}

/** Filters of the coverage report, as applied. @public */
export interface CoverageFilters {
  owner?: string;
  system?: string;
  check?: AuditCheckId;
  status?: CheckStatus;
}

/**
 * `GET /audit`: the logging coverage across the catalog.
 *
 * @public
 */
export interface CoverageResponse {
  generatedAt: string;
  filters: CoverageFilters;
  summary: {
    entities: number;
    linked: number;
    notLinked: number;
    /** Entities that could not be audited at all. */
    withErrors: number;
    stages: number;
    checks: StatusCounts;
  };
  entities: CoverageEntity[];
}

/** A human title for each check, for tables and CSV. @public */
export const AUDIT_CHECK_TITLES: Record<AuditCheckId, string> = {
  'execution-logging': 'Execution logging',
  'access-logging': 'Access logging',
  'access-log-format': 'Access log format',
  'data-trace': 'Full request/response data logging',
  'detailed-metrics': 'Detailed CloudWatch metrics',
  'xray-tracing': 'X-Ray tracing',
  'cloudwatch-role': 'CloudWatch Logs role of the account',
  'log-retention': 'Log retention',
  'log-encryption': 'Log encryption (KMS)',
};
