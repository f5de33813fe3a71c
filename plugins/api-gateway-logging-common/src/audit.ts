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
  /** When these results were read from AWS (ISO 8601); absent for a live audit. */
  checkedAt?: string;
  /** `stored`: from the last sweep or re-check; `live`: audited for this answer. */
  source?: 'stored' | 'live';
  /** What the stage's log groups hold and take in, and their estimated cost. */
  logVolume?: StageLogVolume;
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
  /** When its oldest stage result was checked (stored results only). */
  checkedAt?: string;
  /**
   * Its stages as last swept or re-checked. Each check carries its status
   * and message but empty `evidence` and no `remediation`: the entity's own
   * audit has them (a coverage page stays small).
   */
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
  /** Entities whose name, title or reference contains this (case-insensitive). */
  search?: string;
}

/** How the coverage report sorts entities. @public */
export type CoverageSort =
  | 'name'
  | 'owner'
  | 'failing'
  | 'coverage'
  | 'checked';

/** The coverage page's request: filters, sort and page. @public */
export interface CoverageQuery extends CoverageFilters {
  sort?: CoverageSort;
  order?: 'asc' | 'desc';
  offset?: number;
  /** Entities per page, at most 200. */
  limit?: number;
}

/** The last sweeps of the estate. @public */
export interface SweepStatus {
  running: boolean;
  /** When the last sweep that finished started and finished (ISO 8601). */
  lastStartedAt?: string;
  lastFinishedAt?: string;
  /** Stages the last finished sweep audited. */
  stages?: number;
  /** Whether the last sweep finished or failed as a whole. */
  lastOutcome?: 'done' | 'failed';
  /** What the last sweep could not read (an account denied, a listing cut short). */
  errors?: string[];
}

/** One check across the stages counted. @public */
export interface CheckCoverage {
  id: AuditCheckId;
  title: string;
  passing: number;
  failing: number;
  /** Stages where the check could pass or fail (not `not-applicable`, not `error`). */
  applicable: number;
}

/**
 * Totals over unique stages (a stage claimed by an API and its Component
 * counts once) and entities. Unknown is counted apart: an unreadable stage
 * is neither passing nor failing.
 *
 * @public
 */
export interface CoverageTotals {
  entities: number;
  linked: number;
  notLinked: number;
  /** Entities whose annotation could not be read (one each, whatever their stages). */
  entitiesWithErrors: number;
  stages: number;
  passingStages: number;
  warningStages: number;
  failingStages: number;
  unreadableStages: number;
  /** Stages of the swept accounts that no entity claims (estate-wide totals only). */
  unclaimedStages?: number;
  checks: CheckCoverage[];
}

/**
 * `GET /audit`: the logging coverage across the catalog, served from the
 * stored audit: filtered, searched, sorted and paged by the database.
 *
 * @public
 */
export interface CoverageResponse {
  generatedAt: string;
  sweep: SweepStatus;
  filters: CoverageFilters;
  sort: CoverageSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Entities matching the filters (the page is a slice of them). */
  total: number;
  /** The whole estate the caller may see: unaffected by the filters. */
  summary: CoverageTotals;
  /** The entities matching the filters, all pages together. */
  matching: CoverageTotals;
  entities: CoverageEntity[];
}

/** A stage no catalog entity claims, as the sweep found it. @public */
export interface UnclaimedStage extends StageAudit {
  tags: Record<string, string>;
}

/** `GET /unclaimed`: stages of the swept accounts that no entity claims. @public */
export interface UnclaimedResponse {
  sweep: SweepStatus;
  total: number;
  offset: number;
  limit: number;
  stages: UnclaimedStage[];
}

/** The log volume of a stage's groups and its estimated monthly cost. @public */
export interface StageLogVolume {
  /** Bytes stored now, over the stage's log groups. */
  storedBytes: number;
  /** Bytes ingested per day, averaged over `days` (absent when CloudWatch has no metric). */
  incomingBytesPerDay?: number;
  days: number;
  /** At the configured prices per GB (`apiGatewayLogging.cost`). */
  estimatedMonthlyUsd: { ingestion?: number; storage: number };
  measuredAt: string;
}

/** One thing that changed between two versions of a stage. @public */
export interface StageChangeDetail {
  /** What changed: a setting (`execution logging`, `access log format`, ...) or a check's title. */
  what: string;
  from?: string;
  to?: string;
}

/**
 * One version of a stage: when it was first seen, what changed from the
 * previous one, and between which times the change happened.
 *
 * @public
 */
export interface StageChange {
  /** First seen in this version (ISO 8601). */
  seenAt: string;
  /** The previous version was last seen then: the change happened between. */
  previousSeenAt?: string;
  /** AWS's own `lastUpdatedDate` of the stage, when it said. */
  lastUpdatedDate?: string;
  deploymentId?: string;
  status: StageStatus;
  /** E.g. `Execution logging ERROR → OFF`; empty for the first version. */
  changes: StageChangeDetail[];
  /** A sentence a person reads in a timeline. */
  summary: string;
}

/** `GET /history/stages`: one stage's timeline, newest first. @public */
export interface StageHistoryResponse {
  stageArn: string;
  accountId?: string;
  stageName: string;
  versions: StageChange[];
}

/** Coverage on one day. @public */
export interface CoverageDay {
  /** `2026-11-30` (UTC). */
  day: string;
  stages: number;
  checks: Array<{ id: AuditCheckId; passing: number; applicable: number }>;
}

/**
 * `GET /history/coverage` and an entity's: the share of stages passing
 * each check, per day.
 *
 * @public
 */
export interface CoverageHistoryResponse {
  /** `fleet`, `owner:<ref>` or `entity:<ref>`. */
  scope: string;
  days: CoverageDay[];
}

/** `GET /entities/:namespace/:kind/:name/history`. @public */
export interface EntityHistoryResponse {
  entityRef: string;
  stages: StageHistoryResponse[];
  coverage: CoverageDay[];
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
