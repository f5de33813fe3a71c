import { Knex } from 'knex';
import { EntityRowDb, fromEntityRow } from './entityTables';
import { CoverageQuery, EntityRow } from './types';

/*
 * The coverage across the catalog in SQL: entities with the aggregates of
 * the stages they claim (gone stages left out), filtered, searched, sorted
 * and paged by the database, so a page costs the same at 5,000 stages as
 * at 50.
 */

/** Per stage: checks passing and checks that could pass or fail. */
function checkAggregates(db: Knex) {
  return db('check_results')
    .select('stage_key')
    .select(
      db.raw("SUM(CASE WHEN status = 'pass' THEN 1 ELSE 0 END) AS passing"),
      db.raw(
        "SUM(CASE WHEN status IN ('pass', 'fail', 'warn') THEN 1 ELSE 0 END) AS applicable",
      ),
    )
    .groupBy('stage_key')
    .as('cr');
}

/** The entities a coverage query selects (all when no filter is given). */
export function filtered(db: Knex, query: Partial<CoverageQuery>) {
  const q = db<EntityRowDb>('entities as e');
  if (query.visible) q.whereIn('e.entity_ref', query.visible);
  if (query.owner) q.where('e.owner', query.owner);
  if (query.system) q.where('e.system', query.system);
  if (query.search) {
    const like = `%${query.search
      .toLowerCase()
      .replace(/[%_\\]/g, c => `\\${c}`)}%`;
    q.where(w =>
      w
        .whereRaw("LOWER(e.entity_ref) LIKE ? ESCAPE '\\'", [like])
        .orWhereRaw("LOWER(COALESCE(e.title, '')) LIKE ? ESCAPE '\\'", [like]),
    );
  }
  if (query.check || query.status) {
    // Not a correlated EXISTS: SQLite would run it once per entity, from
    // the (check, status) index, which is quadratic in the estate's size.
    const matching = db('check_results as r')
      .join('claims as c2', 'c2.stage_key', 'r.stage_key')
      .join('stages as s2', 's2.stage_key', 'r.stage_key')
      .whereNull('s2.gone_at')
      .distinct('c2.entity_ref');
    if (query.check) matching.where('r.check_id', query.check);
    if (query.status) matching.where('r.status', query.status);
    q.whereIn('e.entity_ref', matching);
  }
  return q;
}

const FAILING = "SUM(CASE WHEN s.status = 'fail' THEN 1 ELSE 0 END)";
const COVERAGE =
  'CASE WHEN COALESCE(SUM(cr.applicable), 0) = 0 THEN NULL ELSE 1.0 * SUM(cr.passing) / SUM(cr.applicable) END';

// Expressions, not aliases: PostgreSQL allows an alias in ORDER BY only bare.
const SORTS: Record<CoverageQuery['sort'], string> = {
  name: 'e.name',
  owner: 'e.owner',
  failing: FAILING,
  coverage: COVERAGE,
  checked: 'MIN(s.checked_at)',
};

/** One page of entities with their aggregates, and how many match. */
export async function coveragePage(
  db: Knex,
  query: CoverageQuery,
): Promise<{ total: number; rows: EntityRow[] }> {
  const [{ count }] = await filtered(db, query).count({ count: '*' });
  const rows = await filtered(db, query)
    .leftJoin('claims as c', 'c.entity_ref', 'e.entity_ref')
    .leftJoin('stages as s', function joinStages() {
      this.on('s.stage_key', '=', 'c.stage_key').andOnNull('s.gone_at');
    })
    .leftJoin(checkAggregates(db), 'cr.stage_key', 's.stage_key')
    .select('e.*')
    .select(
      db.raw('COUNT(s.stage_key) AS stage_count'),
      db.raw(`${FAILING} AS failing_stages`),
      db.raw(
        "SUM(CASE WHEN s.status = 'unreadable' THEN 1 ELSE 0 END) AS unreadable_stages",
      ),
      db.raw('COALESCE(SUM(cr.passing), 0) AS checks_passing'),
      db.raw('COALESCE(SUM(cr.applicable), 0) AS checks_applicable'),
      db.raw('MIN(s.checked_at) AS checked_at'),
      db.raw(`${COVERAGE} AS coverage`),
    )
    .groupBy(
      'e.entity_ref',
      'e.kind',
      'e.name',
      'e.title',
      'e.owner',
      'e.system',
      'e.lifecycle',
      'e.linked',
      'e.error',
      'e.discovery_errors',
      'e.synced_at',
    )
    .orderByRaw(
      `CASE WHEN ${SORTS[query.sort]} IS NULL THEN 1 ELSE 0 END, ${
        SORTS[query.sort]
      } ${query.order === 'desc' ? 'DESC' : 'ASC'}`,
    )
    .orderBy('e.entity_ref')
    .offset(query.offset)
    .limit(query.limit);
  return {
    total: Number(count),
    rows: rows.map((r: any) => ({
      ...fromEntityRow(r),
      stages: Number(r.stage_count ?? 0),
      failingStages: Number(r.failing_stages ?? 0),
      unreadableStages: Number(r.unreadable_stages ?? 0),
      checksPassing: Number(r.checks_passing ?? 0),
      checksApplicable: Number(r.checks_applicable ?? 0),
      ...(r.checked_at !== null && r.checked_at !== undefined
        ? { checkedAt: Number(r.checked_at) }
        : {}),
    })),
  };
}

/** The stage keys each of the given entities claims. */
export async function claimsOf(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(entityRefs.map(r => [r, []]));
  for (let i = 0; i < entityRefs.length; i += 400) {
    const rows = await db('claims')
      .select('entity_ref', 'stage_key')
      .whereIn('entity_ref', entityRefs.slice(i, i + 400));
    for (const r of rows as Array<{ entity_ref: string; stage_key: string }>) {
      out.get(r.entity_ref)!.push(r.stage_key);
    }
  }
  return out;
}
