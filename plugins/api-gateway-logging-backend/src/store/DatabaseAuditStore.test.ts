import { Knex } from 'knex';
import {
  AuditCheckResult,
  StageAudit,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { testDatabases } from '../__testUtils__/databases';
import { DatabaseAuditStore, migrateAuditStore } from './DatabaseAuditStore';
import { stageKey } from './types';

jest.setTimeout(120_000);

const databases = testDatabases();

const check = (id: string, status: AuditCheckResult['status']) => ({
  id,
  title: id,
  status,
  severity: 'high' as const,
  message: `${id} is ${status}`,
  evidence: {},
});

function stage(
  name: string,
  status: StageAudit['status'],
  checks: AuditCheckResult[],
  overrides: Partial<StageAudit> = {},
): StageAudit {
  return {
    arn: `arn:aws:apigateway:us-east-1::/restapis/api${name}/stages/${name}`,
    apiId: `api${name}`,
    apiType: 'REST',
    stageName: name,
    region: 'us-east-1',
    status,
    checks,
    ...overrides,
  };
}

const config = (level: string) => ({
  apiId: 'x',
  apiType: 'REST' as const,
  stageName: 'x',
  defaults: { loggingLevel: level },
  overrides: [],
  tags: { team: 'payments' },
});

describe.each(databases.map(d => [d.name, d] as const))(
  'DatabaseAuditStore on %s',
  (_name, database) => {
    let db: Knex;
    let store: DatabaseAuditStore;

    beforeEach(async () => {
      db = await database.connect();
      await migrateAuditStore(db);
      store = new DatabaseAuditStore(db);
    });

    it('migrates up and down, and up again', async () => {
      expect(await db.schema.hasTable('stages')).toBe(true);
      await db.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      expect(await db.schema.hasTable('stages')).toBe(false);
      expect(await db.schema.hasTable('kept_traces')).toBe(false);
      await migrateAuditStore(db);
      expect(await db.schema.hasTable('kept_traces')).toBe(true);
    });

    it('keeps a history row per change, not per sweep, with the time it happened between', async () => {
      const prod = (level: string, status: StageAudit['status']) => ({
        audit: stage('prod', status, [
          check('execution-logging', status === 'fail' ? 'fail' : 'pass'),
        ]),
        config: config(level),
        swept: true,
      });
      await store.recordStages([{ ...prod('ERROR', 'pass'), at: 1000 }]);
      await store.recordStages([{ ...prod('ERROR', 'pass'), at: 2000 }]);
      await store.recordStages([{ ...prod('ERROR', 'pass'), at: 3000 }]);
      const { changed } = await store.recordStages([
        { ...prod('OFF', 'fail'), at: 4000 },
      ]);
      expect(changed).toBe(1);
      const key = stageKey(stage('prod', 'pass', []));
      const history = await store.stageHistory(key, 10);
      expect(history.map(v => [v.seenAt, v.previousSeenAt, v.status])).toEqual([
        [4000, 3000, 'fail'],
        [1000, undefined, 'pass'],
      ]);
      expect(history[0].config?.defaults?.loggingLevel).toBe('OFF');
      const [now] = await store.getStages([key]);
      expect(now).toMatchObject({
        versionSeenAt: 4000,
        checkedAt: 4000,
        sweptAt: 4000,
      });
    });

    it('keeps the last known configuration of a stage that could not be read', async () => {
      await store.recordStages([
        {
          audit: stage('prod', 'pass', [check('a', 'pass')]),
          config: config('INFO'),
          at: 1,
          swept: true,
        },
      ]);
      await store.recordStages([
        {
          audit: stage('prod', 'unreadable', [], {
            problem: {
              kind: 'access-denied',
              message: 'denied',
              whoCanFix: 'backstage-admins',
            },
          }),
          at: 2,
          swept: true,
        },
      ]);
      const [now] = await store.getStages([
        stageKey(stage('prod', 'pass', [])),
      ]);
      expect(now.audit).toMatchObject({
        status: 'unreadable',
        checks: [],
        problem: { kind: 'access-denied' },
      });
      expect(now.config?.defaults?.loggingLevel).toBe('INFO');
      expect(now.tags).toEqual({ team: 'payments' });
    });

    it('marks gone the stages a sweep of their account and region no longer saw', async () => {
      await store.recordStages(
        ['a', 'b'].map(n => ({
          audit: stage(n, 'pass', []),
          at: 1,
          swept: true,
        })),
      );
      const seen = new Set([stageKey(stage('a', 'pass', []))]);
      expect(await store.markGone({ region: 'us-east-1' }, seen, 5)).toBe(1);
      const [b] = await store.getStages([stageKey(stage('b', 'pass', []))]);
      expect(b.goneAt).toBe(5);
    });

    describe('coverage', () => {
      beforeEach(async () => {
        await store.recordStages([
          {
            audit: stage('shared', 'fail', [
              check('execution-logging', 'fail'),
              check('access-logging', 'pass'),
            ]),
            at: 10,
            swept: true,
          },
          {
            audit: stage('ok', 'pass', [
              check('execution-logging', 'pass'),
              check('access-logging', 'pass'),
            ]),
            at: 20,
            swept: true,
          },
          {
            audit: stage('denied', 'unreadable', [], {
              problem: {
                kind: 'access-denied',
                message: 'x',
                whoCanFix: 'backstage-admins',
              },
            }),
            at: 30,
            swept: true,
          },
          {
            audit: stage('orphan', 'fail', [
              check('execution-logging', 'fail'),
            ]),
            at: 40,
            swept: true,
          },
        ]);
        const key = (n: string) => stageKey(stage(n, 'pass', []));
        const entity = (
          name: string,
          kind: string,
          owner: string,
          keys: string[],
          extra = {},
        ) => ({
          entityRef: `${kind.toLowerCase()}:default/${name}`,
          kind,
          name,
          owner,
          linked: keys.length > 0,
          discoveryErrors: [],
          stageKeys: keys,
          ...extra,
        });
        await store.syncEntities(
          [
            // One stage claimed by an API and its Component.
            entity(
              'payments-api',
              'API',
              'group:default/team-a',
              [key('shared'), key('ok')],
              { title: 'Payments API' },
            ),
            entity('payments-service', 'Component', 'group:default/team-a', [
              key('shared'),
            ]),
            entity('partner-api', 'API', 'group:default/team-b', [
              key('denied'),
            ]),
            entity('plain-api', 'API', 'group:default/team-b', []),
            entity('broken-api', 'API', 'group:default/team-b', [], {
              linked: true,
              error: 'bad annotation',
            }),
          ],
          100,
        );
      });

      it('counts each stage once, unreadable apart, and the unclaimed ones', async () => {
        const all = await store.totals({});
        expect(all).toMatchObject({
          entities: 5,
          linked: 4,
          notLinked: 1,
          entitiesWithErrors: 1,
          stages: 3,
          failingStages: 1,
          passingStages: 1,
          unreadableStages: 1,
        });
        expect(all.checks.find(c => c.id === 'execution-logging')).toEqual({
          id: 'execution-logging',
          passing: 1,
          failing: 1,
          applicable: 2,
        });
        expect(await store.unclaimedCount()).toBe(1);
        const unclaimed = await store.unclaimedPage({ offset: 0, limit: 10 });
        expect(unclaimed.stages.map(s => s.audit.stageName)).toEqual([
          'orphan',
        ]);
      });

      it('filters, searches, sorts and pages entities in SQL', async () => {
        const base = {
          sort: 'name' as const,
          order: 'asc' as const,
          offset: 0,
          limit: 10,
        };
        const names = async (q: object) =>
          (await store.coveragePage({ ...base, ...q })).rows.map(r => r.name);
        expect(await names({})).toEqual([
          'broken-api',
          'partner-api',
          'payments-api',
          'payments-service',
          'plain-api',
        ]);
        expect(await names({ owner: 'group:default/team-a' })).toEqual([
          'payments-api',
          'payments-service',
        ]);
        expect(await names({ search: 'PAYMENTS a' })).toEqual(['payments-api']);
        expect(await names({ search: '100%_' })).toEqual([]);
        expect(
          await names({ check: 'execution-logging', status: 'fail' }),
        ).toEqual(['payments-api', 'payments-service']);
        expect(
          await names({ sort: 'failing', order: 'desc', limit: 2 }),
        ).toEqual(['payments-api', 'payments-service']);
        const page = await store.coveragePage({ ...base, offset: 2, limit: 2 });
        expect(page.total).toBe(5);
        expect(page.rows.map(r => r.name)).toEqual([
          'payments-api',
          'payments-service',
        ]);
        const [payments] = page.rows;
        expect(payments).toMatchObject({
          title: 'Payments API',
          stages: 2,
          failingStages: 1,
          checksPassing: 3,
          checksApplicable: 4,
          checkedAt: 10,
        });
        expect(await names({ visible: ['api:default/plain-api'] })).toEqual([
          'plain-api',
        ]);
        const matching = await store.totals({ owner: 'group:default/team-a' });
        expect(matching).toMatchObject({ entities: 2, stages: 2 });
      });
    });

    it('records coverage per day, the day’s last sweep winning', async () => {
      const row = (passing: number) => ({
        day: '2026-11-28',
        scope: 'fleet',
        checkId: 'a',
        stages: 4,
        passing,
        failing: 4 - passing,
        unreadable: 0,
      });
      await store.recordDailyCoverage('2026-11-28', [row(1)]);
      await store.recordDailyCoverage('2026-11-28', [row(3)]);
      await store.recordDailyCoverage('2026-11-29', [
        { ...row(4), day: '2026-11-29' },
      ]);
      const history = await store.coverageHistory('fleet', '2026-11-01');
      expect(history.map(r => [r.day, r.passing])).toEqual([
        ['2026-11-28', 3],
        ['2026-11-29', 4],
      ]);
    });

    it('keeps a trace, found by its request or extended id', async () => {
      await store.keepTrace({
        entityRef: 'api:default/payments-api',
        requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
        trace: {
          entityRef: 'api:default/payments-api',
          requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
          found: true,
          trace: {
            requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
            extendedRequestId: 'Vts2FFmArPEFh8g=',
            events: [],
          },
          searched: { logGroupNames: ['g'], from: 0, to: 1, complete: true },
          errors: [],
        },
        keptBy: 'user:default/oncall',
        keptAt: 77,
        ticketUrl: 'https://tickets.example.org/INC-1',
      });
      const kept = await store.keptTrace(
        'api:default/payments-api',
        'Vts2FFmArPEFh8g=',
      );
      expect(kept).toMatchObject({
        keptBy: 'user:default/oncall',
        keptAt: 77,
        ticketUrl: 'https://tickets.example.org/INC-1',
      });
      expect(
        await store.keptTrace(
          'api:default/other',
          '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
        ),
      ).toBeUndefined();
    });

    it('tracks sweeps', async () => {
      const id = await store.startSweep(5);
      expect((await store.latestSweeps()).running?.id).toBe(id);
      await store.finishSweep(id, {
        finishedAt: 9,
        status: 'done',
        stages: 3,
        calls: 7,
        errors: [],
      });
      expect(await store.latestSweeps()).toEqual({
        finished: {
          id,
          startedAt: 5,
          finishedAt: 9,
          status: 'done',
          stages: 3,
          calls: 7,
          errors: [],
        },
      });
    });

    it('prunes history past retention but keeps each stage’s current version', async () => {
      const obs = (level: string, at: number) => ({
        audit: stage('prod', level === 'OFF' ? 'fail' : 'pass', []),
        config: config(level),
        at,
        swept: true,
      });
      await store.recordStages([obs('ERROR', 1)]);
      await store.recordStages([obs('OFF', 2)]);
      await store.recordStages([obs('INFO', 3)]);
      await store.prune(10);
      const history = await store.stageHistory(
        stageKey(stage('prod', 'pass', [])),
        10,
      );
      expect(history.map(v => v.seenAt)).toEqual([3]);
    });
  },
);
