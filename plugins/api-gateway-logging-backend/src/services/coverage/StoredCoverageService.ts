import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CoverageEntity,
  CoverageQuery,
  CoverageResponse,
  CoverageTotals,
  StageAudit,
  UnclaimedResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { CostConfig } from '../../config/readConfig';
import { AuditStore } from '../../store/AuditStore';
import { StoredTotals } from '../../store/totalsQueries';
import { EntityRow, StoredStage } from '../../store/types';
import { summarize } from '../audit/summarize';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import { stageLogVolume } from '../sweep/logVolume';
import { SweepService } from '../sweep/types';
import { applyFilters, normalizeRef, pickFilters } from './filters';
import { CoverageService } from './types';
import { AUDITED_ENTITIES_FILTER } from '../entities/auditedEntitiesFilter';

/** What the stored coverage needs. */
export interface StoredCoverageServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  store: AuditStore;
  sweep: SweepService;
  registry: ExtensionRegistry;
  cost: CostConfig;
}

/**
 * {@link CoverageService} from the store: what the last sweep (or an
 * entity's re-check) found, filtered, searched, sorted and paged in SQL;
 * no AWS call per page view. Only the entities the caller may read in the
 * catalog are listed and counted.
 */
export class StoredCoverageService implements CoverageService {
  /** The estate-wide totals, reused until the store changes. */
  private estate?: Promise<{
    key: string;
    summary: StoredTotals;
    unclaimed: number;
  }>;

  constructor(private readonly options: StoredCoverageServiceOptions) {}

  async report(
    credentials: BackstageCredentials,
    query: CoverageQuery,
  ): Promise<CoverageResponse> {
    const { store } = this.options;
    const visible = await this.visibleEntities(credentials);
    const sort = query.sort ?? 'failing';
    const order =
      query.order ?? (sort === 'name' || sort === 'owner' ? 'asc' : 'desc');
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const filters = {
      ...pickFilters(query),
      ...optional('owner', normalizeRef(query.owner, 'group')),
      ...optional('system', normalizeRef(query.system, 'system')),
    };
    const scope = visible ? { visible } : {};
    const filtering = Object.keys(filters).length > 0;
    const [page, estate, filteredTotals, sweep] = await Promise.all([
      store.coveragePage({ ...filters, ...scope, sort, order, offset, limit }),
      this.estateTotals(visible),
      filtering ? store.totals({ ...filters, ...scope }) : undefined,
      this.options.sweep.status(),
    ]);
    const { summary, unclaimed } = estate;
    const matching = filteredTotals ?? summary;
    return {
      generatedAt: new Date().toISOString(),
      sweep,
      filters: pickFilters(query),
      sort,
      order,
      offset,
      limit,
      total: page.total,
      summary: { ...this.titled(summary), unclaimedStages: unclaimed },
      matching: this.titled(matching),
      entities: applyFilters(await this.withStages(page.rows), filters),
    };
  }

  /**
   * Totals over every entity the caller may see, and the unclaimed stages:
   * the same for every viewer who may see everything, between two changes
   * of the store, so computed once per change rather than per page view.
   */
  private async estateTotals(visible: string[] | undefined) {
    const { store } = this.options;
    if (visible) {
      const [summary, unclaimed] = await Promise.all([
        store.totals({ visible }),
        store.unclaimedCount(),
      ]);
      return { summary, unclaimed };
    }
    const key = await store.lastChange();
    const cached = await this.estate?.catch(() => undefined);
    if (cached?.key === key) return cached;
    const computing = Promise.all([
      store.totals({}),
      store.unclaimedCount(),
    ]).then(([summary, unclaimed]) => ({ key, summary, unclaimed }));
    this.estate = computing;
    return computing;
  }

  async unclaimed(
    query: Parameters<CoverageService['unclaimed']>[0],
  ): Promise<UnclaimedResponse> {
    const [page, sweep] = await Promise.all([
      this.options.store.unclaimedPage(query),
      this.options.sweep.status(),
    ]);
    return {
      sweep,
      total: page.total,
      offset: query.offset,
      limit: query.limit,
      stages: page.stages.map(s => ({ ...this.stageAudit(s), tags: s.tags })),
    };
  }

  /**
   * The entity refs the caller may read, or undefined when they may read
   * every entity (the common case: no catalog call at all).
   */
  private async visibleEntities(
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return [];
    // Conditional: the catalog applies the conditions to what it returns.
    const { items } = await this.options.catalog.getEntities(
      {
        filter: AUDITED_ENTITIES_FILTER,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return items.map(e => stringifyEntityRef(e));
  }

  /** The page's entities with their stored stages and each stage's age. */
  private async withStages(rows: EntityRow[]): Promise<CoverageEntity[]> {
    const claims = await this.options.store.claimsOf(
      rows.map(r => r.entityRef),
    );
    const stages = new Map(
      (
        await this.options.store.getStages([
          ...new Set([...claims.values()].flat()),
        ])
      )
        .filter(s => s.goneAt === undefined)
        .map(s => [s.stageKey, withoutDetails(this.stageAudit(s))]),
    );
    return rows.map(row => {
      const own = (claims.get(row.entityRef) ?? []).flatMap(key =>
        stages.has(key) ? [stages.get(key)!] : [],
      );
      return {
        entityRef: row.entityRef,
        kind: row.kind,
        ...optional('title', row.title),
        ...optional('owner', row.owner),
        ...optional('system', row.system),
        linked: row.linked,
        ...optional('error', row.error),
        ...(row.checkedAt !== undefined
          ? { checkedAt: new Date(row.checkedAt).toISOString() }
          : {}),
        stages: own,
        discoveryErrors: row.discoveryErrors,
        summary: summarize(own),
      };
    });
  }

  private stageAudit(stored: StoredStage): StageAudit {
    return {
      ...stored.audit,
      checkedAt: new Date(stored.checkedAt).toISOString(),
      source: 'stored',
      ...(stored.logVolume
        ? { logVolume: stageLogVolume(stored.logVolume, this.options.cost) }
        : {}),
    };
  }

  /** Totals with each check's title from the catalogue of checks. */
  private titled(totals: StoredTotals): CoverageTotals {
    const titles = new Map(
      this.options.registry.descriptors().map(d => [d.id, d.title]),
    );
    return {
      ...totals,
      checks: totals.checks.map(c => ({
        ...c,
        title: titles.get(c.id) ?? c.id,
      })),
    };
  }
}

function optional<K extends string>(key: K, value: string | undefined) {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/**
 * A stage as the coverage report lists it: each check's status and message,
 * without its evidence and remediation (the entity's audit has them). A page
 * of 50 entities is then a few hundred KB rather than a few MB.
 */
function withoutDetails(stage: StageAudit): StageAudit {
  return {
    ...stage,
    checks: stage.checks.map(({ remediation: _fix, ...check }) => ({
      ...check,
      evidence: {},
    })),
  };
}
