import type { ApiType } from './stageRef';

/**
 * The ids of the built-in checks, in the order they are shown. Modules add
 * more (check ids are open strings): `GET /checks` lists every check the
 * backend runs.
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

/** The id of a check: one of {@link AUDIT_CHECK_IDS} or a module's. @public */
export type AuditCheckId = string;

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

/**
 * How much a status weighs when several decide one (a stage, an entity):
 * fail beats error (a definite finding), error beats warn, warn beats pass.
 * The one ranking of statuses, for the backend and the frontend alike.
 *
 * @public
 */
export const CHECK_STATUS_RANK: Readonly<Record<CheckStatus, number>> = {
  fail: 4,
  error: 3,
  warn: 2,
  pass: 1,
  'not-applicable': 0,
};

/** The status that decides a set of findings (`not-applicable` for none). @public */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'not-applicable';
  for (const status of statuses) {
    if (CHECK_STATUS_RANK[status] > CHECK_STATUS_RANK[worst]) worst = status;
  }
  return worst;
}

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

/**
 * A check the backend runs, as `GET /checks` lists it.
 *
 * @public
 */
export interface CheckDescriptor {
  id: AuditCheckId;
  title: string;
  severity: Severity;
  description: string;
  /** What it reads from AWS: `stage`, `account`, `log-groups`, or a module's input. */
  reads: string[];
  /** One of the plugin's own checks (a module may have replaced it). */
  builtIn: boolean;
}

/** `GET /checks`: every check, in the order they are shown. @public */
export interface ChecksResponse {
  checks: CheckDescriptor[];
}

/** The result of one check on one stage. @public */
export interface AuditCheckResult {
  id: AuditCheckId;
  title: string;
  status: CheckStatus;
  severity: Severity;
  /** One sentence a person can act on. */
  message: string;
  /** The values read from AWS that led to the status. */
  evidence: Record<string, EvidenceValue>;
  /** Present when the status is `fail` or `warn`. */
  remediation?: Remediation;
}

/**
 * Who can fix a stage that could not be read: the service owner (the
 * annotation names a stage that does not exist), the Backstage
 * administrators (credentials and config of the backend), the AWS account's
 * administrators (a permission or a role), or nobody but time (throttling,
 * an outage).
 *
 * @public
 */
export type ProblemOwner =
  | 'entity-owner'
  | 'backstage-admins'
  | 'aws-account-admins'
  | 'retry-later';

/**
 * Why a stage (or a part of the estate) could not be read. Unknown is
 * neither failing nor passing.
 *
 * @public
 */
export interface ReadProblem {
  /** The kind of AWS failure: `access-denied`, `credentials`, `assume-role`, `not-found`, `throttled`, `timeout`, ... */
  kind: string;
  message: string;
  whoCanFix: ProblemOwner;
}

/**
 * One stage at a glance: its worst check, or `unreadable` when AWS could not
 * be read (then it has no check results).
 *
 * @public
 */
export type StageStatus = 'pass' | 'warn' | 'fail' | 'error' | 'unreadable';

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
  status: StageStatus;
  /** Why the stage could not be read; `checks` is then empty. */
  problem?: ReadProblem;
  /** The same message as `problem.message` (kept for older clients). */
  error?: string;
  checks: AuditCheckResult[];
}

/** Counts of check results by status. @public */
export type StatusCounts = Record<CheckStatus, number>;

/** Totals over an audit. @public */
export interface AuditSummary {
  stages: number;
  /** Check results by status, over every readable stage. */
  checks: StatusCounts;
  /** Stages with at least one `fail` check. */
  failingStages: number;
  /** Stages that could not be read: neither failing nor passing. */
  unreadableStages: number;
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

/**
 * Titles of the built-in checks, for clients that do not ask `GET /checks`.
 *
 * @public
 */
export const AUDIT_CHECK_TITLES: Readonly<Record<string, string>> = {
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
