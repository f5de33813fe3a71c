import { Knex } from 'knex';
import { filtered } from './coverageQueries';
import { CoverageQuery } from './types';

/** Totals over entities and their unique stages, before check titles are added. */
export interface StoredTotals {
  entities: number;
  linked: number;
  notLinked: number;
  entitiesWithErrors: number;
  stages: number;
  passingStages: number;
  warningStages: number;
  failingStages: number;
  unreadableStages: number;
  checks: Array<{
    id: string;
    passing: number;
    failing: number;
    applicable: number;
  }>;
}

/**
 * Totals over the entities a query selects and the stages they claim, each
 * stage once however many entities claim it (gone stages left out).
 */
export async function totals(
  db: Knex,
  query: Partial<CoverageQuery>,
): Promise<StoredTotals> {
  const entities = await filtered(db, query)
    .select(
      db.raw('COUNT(*) AS entities'),
      db.raw('SUM(CASE WHEN e.linked THEN 1 ELSE 0 END) AS linked'),
      db.raw('SUM(CASE WHEN e.error IS NOT NULL THEN 1 ELSE 0 END) AS errors'),
    )
    .first();
  const stageKeys = db('claims as c')
    .distinct('c.stage_key')
    .whereIn('c.entity_ref', filtered(db, query).select('e.entity_ref'));
  const byStatus = (await db('stages')
    .select('status')
    .count({ n: '*' })
    .whereIn('stage_key', stageKeys.clone())
    .whereNull('gone_at')
    .groupBy('status')) as Array<{ status: string; n: number | string }>;
  const perCheck = (await db('check_results as r')
    .join('stages as s', 's.stage_key', 'r.stage_key')
    .select('r.check_id')
    .select(
      db.raw("SUM(CASE WHEN r.status = 'pass' THEN 1 ELSE 0 END) AS passing"),
      db.raw("SUM(CASE WHEN r.status = 'fail' THEN 1 ELSE 0 END) AS failing"),
      db.raw(
        "SUM(CASE WHEN r.status IN ('pass', 'fail', 'warn') THEN 1 ELSE 0 END) AS applicable",
      ),
    )
    .whereIn('r.stage_key', stageKeys.clone())
    .whereNull('s.gone_at')
    .groupBy('r.check_id')) as any[];
  const count = (status: string) =>
    Number(byStatus.find(r => r.status === status)?.n ?? 0);
  const total = Number((entities as any)?.entities ?? 0);
  const linked = Number((entities as any)?.linked ?? 0);
  return {
    entities: total,
    linked,
    notLinked: total - linked,
    entitiesWithErrors: Number((entities as any)?.errors ?? 0),
    stages: byStatus.reduce((n, r) => n + Number(r.n), 0),
    passingStages: count('pass'),
    warningStages: count('warn'),
    failingStages: count('fail'),
    unreadableStages: count('unreadable'),
    checks: perCheck.map(r => ({
      id: r.check_id,
      passing: Number(r.passing),
      failing: Number(r.failing),
      applicable: Number(r.applicable),
    })),
  };
}

/** Stages no entity claims (not gone), for the estate's totals. */
export async function unclaimedCount(db: Knex): Promise<number> {
  const [{ n }] = await db('stages as s')
    .count({ n: '*' })
    .whereNull('s.gone_at')
    .whereNotExists(
      db('claims as c')
        .select(db.raw('1'))
        .whereRaw('c.stage_key = s.stage_key'),
    );
  return Number(n);
}

/**
 * When anything the totals count last changed: a stage checked, an entity
 * synced, a sweep started or finished (here or on another replica). Equal
 * answers mean equal totals, so the estate-wide totals can be reused.
 */
export async function lastChange(db: Knex): Promise<string> {
  const [stages, entities, sweeps] = await Promise.all([
    db('stages').max({ at: 'checked_at' }).first(),
    db('entities').max({ at: 'synced_at' }).first(),
    db('sweeps')
      .select(db.raw('MAX(id) AS id, MAX(finished_at) AS finished'))
      .first(),
  ]);
  return [stages?.at, entities?.at, sweeps?.id, sweeps?.finished].join('|');
}
