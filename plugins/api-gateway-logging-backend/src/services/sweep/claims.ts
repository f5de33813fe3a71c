import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DiscoveryError,
  StageRef,
  hasStageAnnotation,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { linkEntity } from '../entities/EntityLoader';
import { normalizeRef } from '../coverage/filters';
import { StoredEntity } from '../../store/types';
import { FoundStage, TargetInventory } from './inventory';

/** An entity as a sweep reads it: its stored row and the stages it names. */
export interface ClaimingEntity {
  entity: Entity;
  stored: Omit<StoredEntity, 'stageKeys'>;
  /** Stages named by ARN (tag queries resolve against the inventory). */
  arnStages: StageRef[];
  tags?: { tags: Record<string, string>; accountId?: string };
}

/** An entity's row and what its annotations name (or why they cannot be read). */
export function claimingEntity(entity: Entity): ClaimingEntity {
  const name = entity.metadata.name;
  const stored: ClaimingEntity['stored'] = {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    name,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...ref('owner', entity.spec?.owner, 'group'),
    ...ref('system', entity.spec?.system, 'system'),
    ...(typeof entity.spec?.lifecycle === 'string'
      ? { lifecycle: entity.spec.lifecycle }
      : {}),
    linked: hasStageAnnotation(entity),
    discoveryErrors: [],
  };
  if (!stored.linked) return { entity, stored, arnStages: [] };
  try {
    const { selector } = linkEntity(entity);
    if (selector.kind === 'arns') {
      return { entity, stored, arnStages: selector.stages };
    }
    return {
      entity,
      stored,
      arnStages: [],
      tags: { tags: selector.tags, accountId: selector.accountId },
    };
  } catch (error) {
    return {
      entity,
      stored: { ...stored, error: (error as Error).message },
      arnStages: [],
    };
  }
}

function ref(key: string, value: unknown, defaultKind: string) {
  const normalized =
    typeof value === 'string' ? normalizeRef(value, defaultKind) : undefined;
  return normalized ? { [key]: normalized } : {};
}

/**
 * The stages a tag query claims among what the sweep found: every stage
 * whose tags (over its API's) hold every key=value, in the query's account
 * or in every swept one. Targets that could not be listed whole are named.
 */
export function tagClaims(
  query: { tags: Record<string, string>; accountId?: string },
  inventories: TargetInventory[],
): { stages: FoundStage[]; errors: DiscoveryError[] } {
  const targets = inventories.filter(
    i => !query.accountId || i.target.accountId === query.accountId,
  );
  const stages = targets.flatMap(i =>
    i.stages.filter(s =>
      Object.entries(query.tags).every(([k, v]) => s.tags[k] === v),
    ),
  );
  const errors = targets
    .filter(i => !i.complete)
    .map(i => ({
      ...(i.target.accountId ? { accountId: i.target.accountId } : {}),
      region: i.target.region,
      message: `Not every API of this account and region could be listed: ${
        i.errors.join(' ') || 'a listing stopped at its cap'
      }`,
    }));
  return { stages, errors };
}
