import { Knex } from 'knex';
import { StageRow, storedStage } from './rows';
import { StoredStage } from './types';

/** A page of the stages no entity claims. */
export interface UnclaimedQuery {
  search?: string;
  status?: string;
  offset: number;
  limit: number;
}

function unclaimed(db: Knex, query: UnclaimedQuery) {
  const q = db<StageRow>('stages as s')
    .whereNull('s.gone_at')
    .whereNotExists(
      db('claims as c')
        .select(db.raw('1'))
        .whereRaw('c.stage_key = s.stage_key'),
    );
  if (query.status) q.where('s.status', query.status);
  if (query.search) {
    const like = `%${query.search
      .toLowerCase()
      .replace(/[%_\\]/g, c => `\\${c}`)}%`;
    q.where(w =>
      w
        .whereRaw("LOWER(s.arn) LIKE ? ESCAPE '\\'", [like])
        .orWhereRaw("LOWER(COALESCE(s.api_name, '')) LIKE ? ESCAPE '\\'", [
          like,
        ])
        .orWhereRaw("LOWER(s.tags) LIKE ? ESCAPE '\\'", [like]),
    );
  }
  return q;
}

/** Unclaimed stages, failing ones first, and how many there are. */
export async function unclaimedPage(
  db: Knex,
  query: UnclaimedQuery,
): Promise<{ total: number; stages: StoredStage[] }> {
  const [{ n }] = await unclaimed(db, query).count({ n: '*' });
  const rows = await unclaimed(db, query)
    .select('s.*')
    .orderByRaw(
      "CASE s.status WHEN 'fail' THEN 0 WHEN 'unreadable' THEN 1 WHEN 'error' THEN 2 WHEN 'warn' THEN 3 ELSE 4 END",
    )
    .orderBy('s.arn')
    .offset(query.offset)
    .limit(query.limit);
  return { total: Number(n), stages: (rows as StageRow[]).map(storedStage) };
}
