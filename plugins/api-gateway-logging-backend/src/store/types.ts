import {
  AuditCheckResult,
  CheckStatus,
  DiscoveryError,
  ReadProblem,
  StageAudit,
  StageStatus,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { StageConfig } from '@apigw-logging/plugin-api-gateway-logging-node';

/** How much a stage's log groups hold and take in, and what that costs. */
export interface LogVolume {
  /** Bytes stored, per log group (DescribeLogGroups `storedBytes`). */
  storedBytes: Record<string, number>;
  /** Bytes ingested per day, averaged over the days measured, per log group (`AWS/Logs IncomingBytes`). */
  incomingBytesPerDay: Record<string, number>;
  /** Days the ingestion average covers. */
  days: number;
  measuredAt: number;
}

/** The key of a stage in the store: its account (or `default`) and ARN. */
export function stageKey(stage: { accountId?: string; arn: string }): string {
  return `${stage.accountId ?? 'default'}|${stage.arn}`;
}

/** What one audit saw of one stage, to record. */
export interface StageObservation {
  audit: StageAudit;
  /** The configuration read (absent when the stage could not be read). */
  config?: StageConfig;
  logVolume?: LogVolume;
  /** When it was audited (epoch ms). */
  at: number;
  /** Seen by a sweep (rather than an entity's re-check). */
  swept: boolean;
}

/** A stage as stored: its latest state. */
export interface StoredStage {
  stageKey: string;
  audit: StageAudit;
  config?: StageConfig;
  tags: Record<string, string>;
  /** When this version (configuration and results) was first seen. */
  versionSeenAt: number;
  checkedAt: number;
  sweptAt?: number;
  goneAt?: number;
  logVolume?: LogVolume;
}

/** One version of a stage in its history. */
export interface StageVersion {
  seenAt: number;
  /** The last time the previous version was seen: the change happened between. */
  previousSeenAt?: number;
  status: StageStatus;
  checks: AuditCheckResult[];
  problem?: ReadProblem;
  config?: StageConfig;
  deploymentId?: string;
  lastUpdatedDate?: string;
}

/** A catalog entity as the store keeps it. */
export interface StoredEntity {
  entityRef: string;
  kind: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  linked: boolean;
  error?: string;
  discoveryErrors: DiscoveryError[];
  stageKeys: string[];
}

/** How the coverage page sorts entities. */
export type CoverageSort =
  | 'name'
  | 'owner'
  | 'failing'
  | 'coverage'
  | 'checked';

/** A page of the coverage across the catalog, filtered, sorted and searched in SQL. */
export interface CoverageQuery {
  owner?: string;
  system?: string;
  /** Keep entities with a stage whose check `check` (any check when absent) has status `status`. */
  check?: string;
  status?: CheckStatus;
  /** Entities whose name, title or ref contains this (case-insensitive). */
  search?: string;
  sort: CoverageSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Only these entities (the caller's catalog read permission); all when absent. */
  visible?: string[];
}

/** Aggregates of one entity's stages, as the coverage page lists them. */
export interface EntityRow extends Omit<StoredEntity, 'stageKeys'> {
  stages: number;
  failingStages: number;
  unreadableStages: number;
  checksPassing: number;
  checksApplicable: number;
  /** The oldest check of its stages (epoch ms), when it has any. */
  checkedAt?: number;
}

/** A kept trace. */
export interface KeptTrace {
  entityRef: string;
  requestId: string;
  trace: TraceResponse;
  keptBy: string;
  keptAt: number;
  ticketUrl?: string;
}
