import { Knex } from 'knex';

/** One check's coverage in one scope on one day. */
export interface DailyCoverageRow {
  day: string;
  scope: string;
  checkId: string;
  stages: number;
  passing: number;
  failing: number;
  unreadable: number;
}

/** Replaces a day's coverage for the scopes given (the day's last sweep wins). */
export async function recordDailyCoverage(
  db: Knex,
  day: string,
  rows: DailyCoverageRow[],
): Promise<void> {
  const scopes = [...new Set(rows.map(r => r.scope))];
  await db.transaction(async tx => {
    for (let i = 0; i < scopes.length; i += 400) {
      await tx('daily_coverage')
        .where('day', day)
        .whereIn('scope', scopes.slice(i, i + 400))
        .delete();
    }
    for (let i = 0; i < rows.length; i += 400) {
      await tx('daily_coverage').insert(
        rows.slice(i, i + 400).map(r => ({
          day: r.day,
          scope: r.scope,
          check_id: r.checkId,
          stages: r.stages,
          passing: r.passing,
          failing: r.failing,
          unreadable: r.unreadable,
        })),
      );
    }
  });
}

/** A scope's coverage from `since` (a `YYYY-MM-DD` day) on, oldest first. */
export async function coverageHistory(
  db: Knex,
  scope: string,
  since: string,
): Promise<DailyCoverageRow[]> {
  const rows = await db('daily_coverage')
    .where('scope', scope)
    .where('day', '>=', since)
    .orderBy('day')
    .orderBy('check_id');
  return rows.map((r: any) => ({
    day: r.day,
    scope: r.scope,
    checkId: r.check_id,
    stages: Number(r.stages),
    passing: Number(r.passing),
    failing: Number(r.failing),
    unreadable: Number(r.unreadable),
  }));
}

/** Forgets daily coverage before `day`. */
export async function pruneDailyCoverage(db: Knex, day: string): Promise<void> {
  await db('daily_coverage').where('day', '<', day).delete();
}
