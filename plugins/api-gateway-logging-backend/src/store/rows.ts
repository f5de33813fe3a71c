import { StageAudit } from '@apigw-logging/plugin-api-gateway-logging-common';
import { hashOf } from './canonical';
import { StageObservation, StoredStage, StageVersion, stageKey } from './types';

/** A row of the `stages` table. */
export interface StageRow {
  stage_key: string;
  arn: string;
  account_id: string | null;
  region: string;
  api_id: string;
  api_type: string | null;
  stage_name: string;
  api_name: string | null;
  tags: string;
  status: string;
  checks: string;
  problem: string | null;
  config: string | null;
  config_hash: string;
  results_hash: string;
  deployment_id: string | null;
  last_updated_date: string | null;
  version_seen_at: number | string;
  checked_at: number | string;
  swept_at: number | string | null;
  gone_at: number | string | null;
  log_volume: string | null;
}

/** What decides a new version: the configuration, and each check's status. */
export function hashesOf(observation: StageObservation) {
  const { audit, config } = observation;
  return {
    config: hashOf(config ?? null),
    results: hashOf({
      status: audit.status,
      problem: audit.problem?.kind ?? null,
      checks: audit.checks.map(c => [c.id, c.status]),
    }),
  };
}

/** The `stages` row of an observation. */
export function stageRow(
  observation: StageObservation,
  versionSeenAt: number,
  previous?: StageRow,
): StageRow {
  const { audit, config, at, swept, logVolume } = observation;
  const hashes = hashesOf(observation);
  return {
    stage_key: stageKey(audit),
    arn: audit.arn,
    account_id: audit.accountId ?? null,
    region: audit.region,
    api_id: audit.apiId,
    api_type: audit.apiType ?? null,
    stage_name: audit.stageName,
    api_name: audit.apiName ?? null,
    tags: JSON.stringify(
      config?.tags ?? (previous ? JSON.parse(previous.tags) : {}),
    ),
    status: audit.status,
    checks: JSON.stringify(audit.checks),
    problem: audit.problem ? JSON.stringify(audit.problem) : null,
    config: config ? JSON.stringify(config) : null,
    config_hash: hashes.config,
    results_hash: hashes.results,
    deployment_id: config?.deploymentId ?? null,
    last_updated_date: config?.lastUpdatedDate ?? null,
    version_seen_at: versionSeenAt,
    checked_at: at,
    swept_at: swept ? at : previous?.swept_at ?? null,
    gone_at: null,
    log_volume: logVolume
      ? JSON.stringify(logVolume)
      : previous?.log_volume ?? null,
  };
}

const num = (v: number | string | null | undefined) =>
  v === null || v === undefined ? undefined : Number(v);

/** A stored stage from its row. */
export function storedStage(row: StageRow): StoredStage {
  const audit: StageAudit = {
    arn: row.arn,
    apiId: row.api_id,
    ...(row.api_type ? { apiType: row.api_type as StageAudit['apiType'] } : {}),
    ...(row.api_name ? { apiName: row.api_name } : {}),
    stageName: row.stage_name,
    ...(row.account_id ? { accountId: row.account_id } : {}),
    region: row.region,
    status: row.status as StageAudit['status'],
    ...(row.problem
      ? {
          problem: JSON.parse(row.problem),
          error: JSON.parse(row.problem).message,
        }
      : {}),
    checks: JSON.parse(row.checks),
  };
  return {
    stageKey: row.stage_key,
    audit,
    ...(row.config ? { config: JSON.parse(row.config) } : {}),
    tags: JSON.parse(row.tags),
    versionSeenAt: Number(row.version_seen_at),
    checkedAt: Number(row.checked_at),
    ...(num(row.swept_at) !== undefined ? { sweptAt: num(row.swept_at) } : {}),
    ...(num(row.gone_at) !== undefined ? { goneAt: num(row.gone_at) } : {}),
    ...(row.log_volume ? { logVolume: JSON.parse(row.log_volume) } : {}),
  };
}

/** A row of the `stage_history` table. */
export interface HistoryRow {
  stage_key: string;
  seen_at: number | string;
  previous_seen_at: number | string | null;
  status: string;
  checks: string;
  problem: string | null;
  config: string | null;
  config_hash: string;
  results_hash: string;
  deployment_id: string | null;
  last_updated_date: string | null;
}

/** The history row of a new version. */
export function historyRow(row: StageRow, previousSeenAt?: number): HistoryRow {
  return {
    stage_key: row.stage_key,
    seen_at: row.version_seen_at,
    previous_seen_at: previousSeenAt ?? null,
    status: row.status,
    checks: row.checks,
    problem: row.problem,
    config: row.config,
    config_hash: row.config_hash,
    results_hash: row.results_hash,
    deployment_id: row.deployment_id,
    last_updated_date: row.last_updated_date,
  };
}

/** A version of a stage from its history row. */
export function stageVersion(row: HistoryRow): StageVersion {
  return {
    seenAt: Number(row.seen_at),
    ...(num(row.previous_seen_at) !== undefined
      ? { previousSeenAt: num(row.previous_seen_at) }
      : {}),
    status: row.status as StageVersion['status'],
    checks: JSON.parse(row.checks),
    ...(row.problem ? { problem: JSON.parse(row.problem) } : {}),
    ...(row.config ? { config: JSON.parse(row.config) } : {}),
    ...(row.deployment_id ? { deploymentId: row.deployment_id } : {}),
    ...(row.last_updated_date
      ? { lastUpdatedDate: row.last_updated_date }
      : {}),
  };
}
