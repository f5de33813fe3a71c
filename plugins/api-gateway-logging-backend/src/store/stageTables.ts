import { Knex } from 'knex';
import { StageObservation, StoredStage, StageVersion, stageKey } from './types';
import {
  HistoryRow,
  StageRow,
  hashesOf,
  historyRow,
  stageRow,
  stageVersion,
  storedStage,
} from './rows';

const CHUNK = 400;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * Records what audits saw: a stage's row always holds its latest state; a
 * history row is added only when its configuration or a check's status
 * changed (not a copy per sweep), with the last time the previous version
 * was seen, so a change is known to have happened between the two.
 */
export async function recordStages(
  db: Knex,
  observations: StageObservation[],
): Promise<{ changed: number }> {
  let changed = 0;
  await db.transaction(async tx => {
    for (const batch of chunks(observations)) {
      const keys = batch.map(o => stageKey(o.audit));
      const existing = new Map<string, StageRow>(
        (await tx<StageRow>('stages').whereIn('stage_key', keys)).map(r => [
          r.stage_key,
          r,
        ]),
      );
      for (const observation of batch) {
        const key = stageKey(observation.audit);
        const before = existing.get(key);
        const hashes = hashesOf(observation);
        const isNew =
          !before ||
          before.config_hash !== hashes.config ||
          before.results_hash !== hashes.results;
        // A stage that could not be read keeps its last known configuration.
        const keepConfig =
          !observation.config && before?.config
            ? { ...observation, config: JSON.parse(before.config) }
            : observation;
        const row = stageRow(
          keepConfig,
          isNew ? observation.at : Number(before!.version_seen_at),
          before,
        );
        if (!before) {
          await tx('stages').insert(row);
        } else {
          await tx('stages').where('stage_key', key).update(row);
        }
        if (isNew) {
          changed++;
          const previousSeenAt = before
            ? Number(before.swept_at ?? before.checked_at)
            : undefined;
          await tx('stage_history').insert(historyRow(row, previousSeenAt));
        }
        if (isNew || !before) {
          await tx('check_results').where('stage_key', key).delete();
          if (observation.audit.checks.length) {
            await tx('check_results').insert(
              observation.audit.checks.map(c => ({
                stage_key: key,
                check_id: c.id,
                status: c.status,
                severity: c.severity,
              })),
            );
          }
        }
      }
    }
  });
  return { changed };
}

/**
 * Marks gone the stages of a swept account and region that the sweep did
 * not see (deleted in AWS). Returns how many.
 */
export async function markGone(
  db: Knex,
  target: { accountId?: string; region: string },
  seen: Set<string>,
  at: number,
): Promise<number> {
  const rows = await db<StageRow>('stages')
    .select('stage_key')
    .where('region', target.region)
    .whereNull('gone_at')
    .andWhere(q =>
      target.accountId
        ? q.where('account_id', target.accountId)
        : q.whereNull('account_id'),
    );
  const gone = rows.map(r => r.stage_key).filter(k => !seen.has(k));
  for (const batch of chunks(gone)) {
    await db('stages').whereIn('stage_key', batch).update({ gone_at: at });
  }
  return gone.length;
}

/** The stored stages of the given keys (gone ones included). */
export async function getStages(
  db: Knex,
  keys: string[],
): Promise<StoredStage[]> {
  const rows: StageRow[] = [];
  for (const batch of chunks(keys)) {
    rows.push(...(await db<StageRow>('stages').whereIn('stage_key', batch)));
  }
  return rows.map(storedStage);
}

/** A stage's versions, newest first. */
export async function stageHistory(
  db: Knex,
  key: string,
  limit: number,
): Promise<StageVersion[]> {
  const rows = await db<HistoryRow>('stage_history')
    .where('stage_key', key)
    .orderBy('seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  return rows.map(stageVersion);
}

/**
 * Forgets history older than `before`, keeping each stage's latest version
 * (it is what the stage is now).
 */
export async function pruneHistory(db: Knex, before: number): Promise<number> {
  const latest = db('stage_history')
    .select(db.raw('max(id)'))
    .groupBy('stage_key');
  return db('stage_history')
    .where('seen_at', '<', before)
    .whereNotIn('id', latest)
    .delete();
}
