import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AuditStore } from './AuditStore';
import { claimsOf, coveragePage } from './coverageQueries';
import {
  coverageHistory,
  pruneDailyCoverage,
  recordDailyCoverage,
} from './dailyCoverage';
import { getEntity, syncEntities, upsertEntity } from './entityTables';
import {
  getStages,
  markGone,
  pruneHistory,
  recordStages,
  stageHistory,
} from './stageTables';
import {
  finishSweep,
  keepTrace,
  keptTrace,
  latestSweeps,
  startSweep,
} from './sweepsAndTraces';
import { lastChange, totals, unclaimedCount } from './totalsQueries';
import { unclaimedPage } from './unclaimedQueries';

const migrationsDir = resolvePackagePath(
  '@apigw-logging/plugin-api-gateway-logging-backend',
  'migrations',
);

/**
 * Runs the package's migrations (shipped in `migrations/`). Replicas that
 * start together race to create knex's own bookkeeping tables, which its
 * migration lock does not cover: the loser tries again, and then waits on
 * the lock or finds the migrations done.
 */
export async function migrateAuditStore(db: Knex, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise(r =>
        setTimeout(r, 200 * attempt + Math.random() * 300),
      );
    }
  }
}

/** {@link AuditStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseAuditStore implements AuditStore {
  /** The store on the plugin's database, migrated unless the backend says not to. */
  static async create(database: DatabaseService): Promise<DatabaseAuditStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) await migrateAuditStore(db);
    return new DatabaseAuditStore(db);
  }

  constructor(private readonly db: Knex) {}

  recordStages: AuditStore['recordStages'] = o => recordStages(this.db, o);
  markGone: AuditStore['markGone'] = (t, s, at) => markGone(this.db, t, s, at);
  getStages: AuditStore['getStages'] = keys => getStages(this.db, keys);
  stageHistory: AuditStore['stageHistory'] = (key, limit) =>
    stageHistory(this.db, key, limit);
  syncEntities: AuditStore['syncEntities'] = (e, at) =>
    syncEntities(this.db, e, at);
  upsertEntity: AuditStore['upsertEntity'] = (e, at) =>
    upsertEntity(this.db, e, at);
  getEntity: AuditStore['getEntity'] = ref => getEntity(this.db, ref);
  claimsOf: AuditStore['claimsOf'] = refs => claimsOf(this.db, refs);
  coveragePage: AuditStore['coveragePage'] = q => coveragePage(this.db, q);
  totals: AuditStore['totals'] = q => totals(this.db, q);
  unclaimedCount: AuditStore['unclaimedCount'] = () => unclaimedCount(this.db);
  lastChange: AuditStore['lastChange'] = () => lastChange(this.db);
  unclaimedPage: AuditStore['unclaimedPage'] = q => unclaimedPage(this.db, q);
  recordDailyCoverage: AuditStore['recordDailyCoverage'] = (day, rows) =>
    recordDailyCoverage(this.db, day, rows);
  coverageHistory: AuditStore['coverageHistory'] = (scope, since) =>
    coverageHistory(this.db, scope, since);
  startSweep: AuditStore['startSweep'] = at => startSweep(this.db, at);
  finishSweep: AuditStore['finishSweep'] = (id, o) =>
    finishSweep(this.db, id, o);
  latestSweeps: AuditStore['latestSweeps'] = () => latestSweeps(this.db);
  keepTrace: AuditStore['keepTrace'] = k => keepTrace(this.db, k);
  keptTrace: AuditStore['keptTrace'] = (ref, id) => keptTrace(this.db, ref, id);

  async prune(before: number): Promise<void> {
    await pruneHistory(this.db, before);
    await pruneDailyCoverage(
      this.db,
      new Date(before).toISOString().slice(0, 10),
    );
  }
}
