import {
  CheckDescriptor,
  EntityAuditResponse,
  StageAudit,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ApiGatewayReader } from '../../aws/apiGateway/types';
import { LogGroupReader } from '../../aws/logGroups/types';
import { CostConfig } from '../../config/readConfig';
import { AuditStore } from '../../store/AuditStore';
import { StoredStage, stageKey, stageRefOfKey } from '../../store/types';
import { LinkedEntity } from '../entities/EntityLoader';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import { StageLocator } from '../stages/StageLocator';
import { claimingEntity } from '../sweep/claims';
import { stageLogVolume } from '../sweep/logVolume';
import { AuditService } from './types';
import { StageAuditor } from './StageAuditor';
import { summarize } from './summarize';

/** What the audit service needs. */
export interface DefaultAuditServiceOptions {
  auditor: StageAuditor;
  locator: StageLocator;
  registry: ExtensionRegistry;
  store: AuditStore;
  /** Readers that read AWS anew, for a re-check. */
  freshReaders: () => {
    apiGateway: ApiGatewayReader;
    logGroups: LogGroupReader;
  };
  cost: CostConfig;
  now?: () => number;
}

/**
 * {@link AuditService}: an entity's stages as the last sweep or re-check
 * stored them (with their age), a stage never swept audited live and
 * stored; a re-check audits every stage of the entity anew.
 */
export class DefaultAuditService implements AuditService {
  private readonly rechecks = new Map<string, Promise<EntityAuditResponse>>();
  private readonly reads = new Map<string, Promise<EntityAuditResponse>>();

  constructor(private readonly options: DefaultAuditServiceOptions) {}

  auditEntity(linked: LinkedEntity): Promise<EntityAuditResponse> {
    // Coalesced: fifty people opening a never-swept entity audit it once.
    return coalesce(this.reads, linked.entityRef, () => this.read(linked));
  }

  refreshEntity(linked: LinkedEntity): Promise<EntityAuditResponse> {
    // Coalesced: a second click while the first re-check runs shares it.
    return coalesce(this.rechecks, linked.entityRef, () =>
      this.recheck(linked),
    );
  }

  private async read(linked: LinkedEntity): Promise<EntityAuditResponse> {
    const { refs, errors } = await this.stagesOf(linked);
    const stored = new Map(
      (await this.options.store.getStages(refs.map(keyOf)))
        .filter(s => s.goneAt === undefined)
        .map(s => [s.stageKey, s]),
    );
    const missing = refs.filter(r => !stored.has(keyOf(r)));
    const live = await this.observeAndStore(missing, linked.entity);
    if (missing.length > 0) {
      // Never swept: its claims are stored now, for the coverage page.
      await this.options.store.upsertEntity(
        {
          ...claimingEntity(linked.entity).stored,
          discoveryErrors: errors,
          stageKeys: refs.map(keyOf),
        },
        (this.options.now ?? Date.now)(),
      );
    }
    const stages = refs.map(ref => {
      const known = stored.get(keyOf(ref));
      return known ? this.fromStore(known) : live.get(keyOf(ref))!;
    });
    return this.response(linked, stages, errors);
  }

  auditStage(ref: StageRef, entity?: Entity): Promise<StageAudit> {
    return this.options.auditor.audit(ref, entity);
  }

  listChecks(): CheckDescriptor[] {
    return this.options.registry.descriptors();
  }

  private async recheck(linked: LinkedEntity): Promise<EntityAuditResponse> {
    const found = await this.options.locator.stagesOf(linked);
    const live = await this.observeAndStore(
      found.stages,
      linked.entity,
      this.options.freshReaders(),
    );
    await this.options.store.upsertEntity(
      {
        ...claimingEntity(linked.entity).stored,
        discoveryErrors: found.errors,
        stageKeys: found.stages.map(keyOf),
      },
      (this.options.now ?? Date.now)(),
    );
    return this.response(
      linked,
      found.stages.map(r => live.get(keyOf(r))!),
      found.errors,
    );
  }

  /**
   * The stages an entity names: by ARN as written; by tag query, the
   * stages the last sweep matched (no listing per page view), or a live
   * search when the entity was never swept.
   */
  private async stagesOf(linked: LinkedEntity) {
    if (linked.selector.kind === 'tags') {
      const swept = await this.options.store.getEntity(linked.entityRef);
      if (swept) {
        return {
          refs: swept.stageKeys.map(stageRefOfKey),
          errors: swept.discoveryErrors,
        };
      }
    }
    const found = await this.options.locator.stagesOf(linked);
    return { refs: found.stages, errors: found.errors };
  }

  private async observeAndStore(
    refs: StageRef[],
    entity: Entity,
    readers?: { apiGateway: ApiGatewayReader; logGroups: LogGroupReader },
  ): Promise<Map<string, StageAudit>> {
    const at = (this.options.now ?? Date.now)();
    const observed = await Promise.all(
      refs.map(ref =>
        this.options.auditor.observe(ref, entity, readers ? { readers } : {}),
      ),
    );
    await this.options.store.recordStages(
      observed.map(o => ({
        audit: o.audit,
        ...(o.config ? { config: o.config } : {}),
        at,
        swept: false,
      })),
    );
    return new Map(
      observed.map(o => [
        stageKey(o.audit),
        {
          ...o.audit,
          checkedAt: new Date(at).toISOString(),
          source: 'live' as const,
        },
      ]),
    );
  }

  private fromStore(stored: StoredStage): StageAudit {
    return {
      ...stored.audit,
      checkedAt: new Date(stored.checkedAt).toISOString(),
      source: 'stored',
      ...(stored.logVolume
        ? { logVolume: stageLogVolume(stored.logVolume, this.options.cost) }
        : {}),
    };
  }

  private response(
    linked: LinkedEntity,
    stages: StageAudit[],
    discoveryErrors: EntityAuditResponse['discoveryErrors'],
  ): EntityAuditResponse {
    return {
      entityRef: linked.entityRef ?? stringifyEntityRef(linked.entity),
      selector: linked.selector.kind,
      generatedAt: new Date((this.options.now ?? Date.now)()).toISOString(),
      stages,
      discoveryErrors,
      summary: summarize(stages),
    };
  }
}

function keyOf(ref: StageRef): string {
  return stageKey({ accountId: ref.accountId, arn: ref.arn });
}

/** The promise running for `key`, or a new one, forgotten when it settles. */
function coalesce<T>(
  running: Map<string, Promise<T>>,
  key: string,
  start: () => Promise<T>,
): Promise<T> {
  let promise = running.get(key);
  if (!promise) {
    promise = start().finally(() => running.delete(key));
    running.set(key, promise);
  }
  return promise;
}
