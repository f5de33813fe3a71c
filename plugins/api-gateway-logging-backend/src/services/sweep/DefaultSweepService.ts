import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  StageRef,
  SweepStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { AwsAccessService } from '@apigw-logging/plugin-api-gateway-logging-node';
import { Entity } from '@backstage/catalog-model';
import { ApiGatewayReader } from '../../aws/apiGateway/types';
import { LogGroupReader } from '../../aws/logGroups/types';
import { LogVolumeReader } from '../../aws/metrics/LogVolumeReader';
import { ApiGatewayLoggingConfig } from '../../config/readConfig';
import { AuditStore } from '../../store/AuditStore';
import { SweepRecord } from '../../store/sweepsAndTraces';
import { StageObservation, StoredEntity, stageKey } from '../../store/types';
import { StageAuditor } from '../audit/StageAuditor';
import { messageOf } from '../audit/readProblem';
import { ClaimingEntity, claimingEntity, tagClaims } from './claims';
import { indexedLogGroups, inventoriedAccounts } from './indexedReaders';
import { TargetInventory, readInventory } from './inventory';
import { existingGroups, logVolumeOf } from './logVolume';
import { IncomingBytes, listedGroups } from './incomingBytes';
import { dailyRollup } from './rollup';
import { SweepService } from './types';
import { mapLimit } from '../mapLimit';
import { interleaveBy } from './fairOrder';
import { AUDITED_ENTITIES_FILTER } from '../entities/auditedEntitiesFilter';

/** What a sweep needs. */
export interface DefaultSweepServiceOptions {
  store: AuditStore;
  auditor: StageAuditor;
  /** Readers that read AWS anew (not the request cache), shared within a sweep. */
  freshReaders: () => {
    apiGateway: ApiGatewayReader;
    logGroups: LogGroupReader;
  };
  volumes: LogVolumeReader;
  catalog: CatalogService;
  auth: AuthService;
  aws: AwsAccessService;
  settings: ApiGatewayLoggingConfig;
  logger: LoggerService;
  scheduler: SchedulerService;
  now?: () => number;
}

/** The scheduled task's id (in the scheduler's tables, shared by replicas). */
export const SWEEP_TASK_ID = 'api-gateway-logging-sweep';

const STAGE_CONCURRENCY = 64;

/**
 * Sweeps the whole estate: every account and region of
 * `apiGatewayLogging.discovery` (in parallel, each at its rate limit), every
 * stage found there whether an entity claims it or not, and every stage an
 * entity names elsewhere; runs every check; records what changed; syncs
 * the catalog's claims; rolls up today's coverage; forgets history past
 * retention.
 */
export class DefaultSweepService implements SweepService {
  private running?: Promise<SweepRecord>;

  constructor(private readonly options: DefaultSweepServiceOptions) {}

  sweep(): Promise<SweepRecord> {
    // One sweep at a time in this process (the scheduler ensures one across replicas).
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async schedule(): Promise<void> {
    const { enabled, schedule } = this.options.settings.sweep;
    if (!enabled) return;
    await this.options.scheduler.scheduleTask({
      id: SWEEP_TASK_ID,
      ...schedule,
      fn: async () => {
        await this.sweep();
      },
    });
  }

  async trigger(): Promise<void> {
    if (!this.options.settings.sweep.enabled) {
      // Nothing scheduled: this process sweeps (in the background).
      this.sweep().catch(() => undefined);
      return;
    }
    try {
      await this.options.scheduler.triggerTask(SWEEP_TASK_ID);
    } catch (error) {
      // A sweep already running (here or on another replica) is what was asked for.
      if ((error as Error)?.name !== 'ConflictError') throw error;
    }
  }

  async status(): Promise<SweepStatus> {
    const { running, finished } = await this.options.store.latestSweeps();
    // A sweep still "running" past its timeout died with its process.
    const now = (this.options.now ?? Date.now)();
    const alive =
      running && now - running.startedAt < this.timeoutMs()
        ? running
        : undefined;
    return {
      running: Boolean(alive),
      ...(finished
        ? {
            lastStartedAt: new Date(finished.startedAt).toISOString(),
            ...(finished.finishedAt
              ? { lastFinishedAt: new Date(finished.finishedAt).toISOString() }
              : {}),
            stages: finished.stages,
            lastOutcome: finished.status === 'failed' ? 'failed' : 'done',
            ...(finished.errors.length ? { errors: finished.errors } : {}),
          }
        : {}),
    };
  }

  private timeoutMs(): number {
    return this.options.settings.sweep.timeoutMs;
  }

  private async run(): Promise<SweepRecord> {
    const { store, settings, logger } = this.options;
    const now = this.options.now ?? Date.now;
    const startedAt = now();
    const callsBefore = this.options.aws.stats().total;
    const id = await store.startSweep(startedAt);
    const errors: string[] = [];
    // How long each phase took, for the log line: where a slow sweep waits.
    const phases: string[] = [];
    let phaseStart = startedAt;
    const phase = (name: string) => {
      const t = now();
      phases.push(`${name} ${((t - phaseStart) / 1000).toFixed(1)} s`);
      phaseStart = t;
    };
    try {
      const entities = (await this.catalogEntities()).map(claimingEntity);
      const readers = this.options.freshReaders();
      const targets = settings.discovery.flatMap(d =>
        d.regions.map(region => ({ accountId: d.accountId, region })),
      );
      // Each account-region's log groups are measured as soon as its own
      // listing is done, while the others are still listing and while the
      // stages are audited; the audit may name a few more groups.
      const incoming = new IncomingBytes(
        this.options.volumes,
        settings.cost.days,
        errors,
      );
      const early: Promise<void>[] = [];
      const inventories = await Promise.all(
        targets.map(async t => {
          const inventory = await readInventory(
            t,
            readers,
            settings.sweep.maxLogGroupPages,
          );
          early.push(incoming.measure(listedGroups([inventory])));
          return inventory;
        }),
      );
      phase('listing');
      for (const i of inventories) errors.push(...i.errors);
      const sweepReaders = {
        apiGateway: inventoriedAccounts(inventories, readers.apiGateway),
        logGroups: indexedLogGroups(inventories, readers.logGroups),
      };
      const owners = claimantsByStage(entities, inventories);
      const observed = await this.auditAll(
        inventories,
        entities,
        owners,
        sweepReaders,
      );
      phase('audit');
      await Promise.all(early);
      const volumes = await this.measure(observed, incoming);
      phase('metrics');
      const at = now();
      const observations: StageObservation[] = observed.map(o => ({
        audit: o.audit,
        ...(o.config ? { config: o.config } : {}),
        ...(volumes.get(stageKey(o.audit))
          ? { logVolume: volumes.get(stageKey(o.audit)) }
          : {}),
        at,
        swept: true,
      }));
      const { changed } = await store.recordStages(observations);
      for (const inventory of inventories.filter(i => i.complete)) {
        const seen = new Set(
          inventory.stages.map(s =>
            stageKey({ accountId: s.ref.accountId, arn: s.ref.arn }),
          ),
        );
        await store.markGone(inventory.target, seen, at);
      }
      await store.syncEntities(storedEntities(entities, inventories), at);
      await store.recordDailyCoverage(
        new Date(at).toISOString().slice(0, 10),
        dailyRollup(
          new Date(at).toISOString().slice(0, 10),
          observed.map(o => ({
            audit: o.audit,
            scopes: scopesOf(stageKey(o.audit), owners),
          })),
        ),
      );
      await store.prune(at - settings.sweep.historyRetentionMs);
      phase('store');
      const record = {
        finishedAt: now(),
        status: 'done' as const,
        stages: observed.length,
        calls: this.options.aws.stats().total - callsBefore,
        errors: [...new Set(errors)].slice(0, 50),
      };
      await store.finishSweep(id, record);
      logger.info(
        `Swept ${observed.length} stages (${changed} changed) in ${(
          (record.finishedAt - startedAt) /
          1000
        ).toFixed(1)} s with ${record.calls} AWS calls (${phases.join(', ')})`,
      );
      return { id, startedAt, ...record };
    } catch (error) {
      const record = {
        finishedAt: now(),
        status: 'failed' as const,
        stages: 0,
        calls: this.options.aws.stats().total - callsBefore,
        errors: [messageOf(error)],
      };
      await store.finishSweep(id, record).catch(() => undefined);
      logger.error(`The sweep failed: ${messageOf(error)}`);
      return { id, startedAt, ...record };
    }
  }

  /** Every API, and every Component naming stages, with the plugin's own credentials. */
  private async catalogEntities(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      {
        filter: AUDITED_ENTITIES_FILTER,
      },
      { credentials },
    );
    return items;
  }

  /**
   * Audits every stage found (with the configuration the listing read),
   * and every stage an entity names that no listing found (in an account
   * or region not swept, or gone), a few dozen at a time: the rate
   * limiters pace the calls.
   */
  private async auditAll(
    inventories: TargetInventory[],
    entities: ClaimingEntity[],
    owners: Map<string, ClaimingEntity[]>,
    readers: { apiGateway: ApiGatewayReader; logGroups: LogGroupReader },
  ) {
    const found = new Set<string>();
    const work: Array<{ ref: StageRef; config?: any }> = [];
    for (const inventory of inventories) {
      for (const stage of inventory.stages) {
        found.add(
          stageKey({ accountId: stage.ref.accountId, arn: stage.ref.arn }),
        );
        work.push({ ref: stage.ref, config: stage.config });
      }
    }
    for (const entity of entities) {
      for (const ref of entity.arnStages) {
        const key = stageKey({ accountId: ref.accountId, arn: ref.arn });
        if (found.has(key)) continue;
        found.add(key);
        work.push({ ref });
      }
    }
    const fair = interleaveBy(
      work,
      w => `${w.ref.accountId ?? ''}|${w.ref.region}`,
    );
    return mapLimit(fair, STAGE_CONCURRENCY, ({ ref, config }) =>
      this.options.auditor.observe(
        ref,
        owners.get(stageKey({ accountId: ref.accountId, arn: ref.arn }))?.[0]
          ?.entity,
        { readers, ...(config ? { config } : {}) },
      ),
    );
  }

  /** Log volume per stage: the groups' sizes from the audit, ingestion from the metrics. */
  private async measure(
    observed: Awaited<ReturnType<StageAuditor['observe']>>[],
    incoming: IncomingBytes,
  ) {
    const { days } = this.options.settings.cost;
    await incoming.measure(
      observed.map(o => ({
        target: { accountId: o.audit.accountId, region: o.audit.region },
        names: existingGroups(o.logGroups).map(g => g.name),
      })),
    );
    const at = (this.options.now ?? Date.now)();
    return new Map(
      observed.flatMap(o => {
        const target = { accountId: o.audit.accountId, region: o.audit.region };
        const volume = logVolumeOf(o.logGroups, incoming.of(target), days, at);
        return volume ? [[stageKey(o.audit), volume] as const] : [];
      }),
    );
  }
}

/** Which entities claim each stage (by ARN, or by a tag query over the inventory). */
function claimantsByStage(
  entities: ClaimingEntity[],
  inventories: TargetInventory[],
): Map<string, ClaimingEntity[]> {
  const owners = new Map<string, ClaimingEntity[]>();
  const add = (key: string, entity: ClaimingEntity) =>
    owners.set(key, [...(owners.get(key) ?? []), entity]);
  for (const entity of entities) {
    for (const ref of entity.arnStages) {
      add(stageKey({ accountId: ref.accountId, arn: ref.arn }), entity);
    }
    if (entity.tags) {
      for (const s of tagClaims(entity.tags, inventories).stages) {
        add(stageKey({ accountId: s.ref.accountId, arn: s.ref.arn }), entity);
      }
    }
  }
  return owners;
}

/** The stored entities, each with the stages it claims. */
function storedEntities(
  entities: ClaimingEntity[],
  inventories: TargetInventory[],
): StoredEntity[] {
  return entities.map(e => {
    const tagged = e.tags ? tagClaims(e.tags, inventories) : undefined;
    return {
      ...e.stored,
      discoveryErrors: tagged?.errors ?? [],
      stageKeys: [
        ...e.arnStages.map(r =>
          stageKey({ accountId: r.accountId, arn: r.arn }),
        ),
        ...(tagged?.stages ?? []).map(s =>
          stageKey({ accountId: s.ref.accountId, arn: s.ref.arn }),
        ),
      ],
    };
  });
}

/** The coverage scopes a stage counts in. */
function scopesOf(
  key: string,
  owners: Map<string, ClaimingEntity[]>,
): string[] {
  const claimants = owners.get(key) ?? [];
  return [
    'fleet',
    ...new Set(
      claimants.flatMap(c => [
        `entity:${c.stored.entityRef}`,
        ...(c.stored.owner ? [`owner:${c.stored.owner}`] : []),
        ...(c.stored.system ? [`system:${c.stored.system}`] : []),
      ]),
    ),
  ];
}
