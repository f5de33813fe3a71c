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
// Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits
// for the widest table (stages, 24 columns).
const ROWS_PER_INSERT = 200;

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
 * was seen, so a change is known to have happened between the two. Writes
 * in bulk (an upsert per 200 stages): a sweep of thousands of stages is a
 * few dozen statements, not one per stage.
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
      const rows = new Map<string, StageRow>();
      const history: HistoryRow[] = [];
      const results: Array<Record<string, string>> = [];
      const renewed: string[] = [];
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
        // The last observation of a stage in one call wins.
        rows.set(key, row);
        if (!isNew) continue;
        changed++;
        const previousSeenAt = before
          ? Number(before.swept_at ?? before.checked_at)
          : undefined;
        history.push(historyRow(row, previousSeenAt));
        renewed.push(key);
        for (const c of observation.audit.checks) {
          results.push({
            stage_key: key,
            check_id: c.id,
            status: c.status,
            severity: c.severity,
          });
        }
      }
      for (const part of chunks([...rows.values()], ROWS_PER_INSERT)) {
        await tx('stages').insert(part).onConflict('stage_key').merge();
      }
      for (const part of chunks(history, ROWS_PER_INSERT)) {
        await tx('stage_history').insert(part);
      }
      if (renewed.length) {
        await tx('check_results').whereIn('stage_key', renewed).delete();
      }
      for (const part of chunks(dedupeResults(results), CHUNK)) {
        await tx('check_results').insert(part);
      }
    }
  });
  return { changed };
}

/** One result per stage and check: the last one given. */
function dedupeResults(results: Array<Record<string, string>>) {
  return [
    ...new Map(results.map(r => [`${r.stage_key}|${r.check_id}`, r])).values(),
  ];
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
