import { Knex } from 'knex';
import { StoredEntity } from './types';

/** A row of the `entities` table. */
export interface EntityRowDb {
  entity_ref: string;
  kind: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
  linked: boolean | number;
  error: string | null;
  discovery_errors: string | null;
  synced_at: number | string;
}

function entityRow(entity: StoredEntity, at: number): EntityRowDb {
  return {
    entity_ref: entity.entityRef,
    kind: entity.kind,
    name: entity.name,
    title: entity.title ?? null,
    owner: entity.owner ?? null,
    system: entity.system ?? null,
    lifecycle: entity.lifecycle ?? null,
    linked: entity.linked,
    error: entity.error ?? null,
    discovery_errors: entity.discoveryErrors.length
      ? JSON.stringify(entity.discoveryErrors)
      : null,
    synced_at: at,
  };
}

/**
 * Replaces the stored entities and their claims with the catalog's as a
 * sweep read it: entities gone from the catalog are forgotten.
 */
export async function syncEntities(
  db: Knex,
  entities: StoredEntity[],
  at: number,
): Promise<void> {
  await db.transaction(async tx => {
    await tx('claims').delete();
    await tx('entities').delete();
    for (let i = 0; i < entities.length; i += 200) {
      const batch = entities.slice(i, i + 200);
      await tx('entities').insert(batch.map(e => entityRow(e, at)));
      const claims = batch.flatMap(e =>
        [...new Set(e.stageKeys)].map(k => ({
          entity_ref: e.entityRef,
          stage_key: k,
        })),
      );
      for (let j = 0; j < claims.length; j += 400) {
        await tx('claims').insert(claims.slice(j, j + 400));
      }
    }
  });
}

/** Stores one entity and its claims (after a re-check). */
export async function upsertEntity(
  db: Knex,
  entity: StoredEntity,
  at: number,
): Promise<void> {
  await db.transaction(async tx => {
    await tx('claims').where('entity_ref', entity.entityRef).delete();
    await tx('entities').where('entity_ref', entity.entityRef).delete();
    await tx('entities').insert(entityRow(entity, at));
    const keys = [...new Set(entity.stageKeys)];
    if (keys.length) {
      await tx('claims').insert(
        keys.map(k => ({ entity_ref: entity.entityRef, stage_key: k })),
      );
    }
  });
}

/** The stored entity and the stages it claims, if the store has it. */
export async function getEntity(
  db: Knex,
  entityRef: string,
): Promise<StoredEntity | undefined> {
  const row = await db<EntityRowDb>('entities')
    .where('entity_ref', entityRef)
    .first();
  if (!row) return undefined;
  const claims = await db('claims')
    .select('stage_key')
    .where('entity_ref', entityRef);
  return {
    ...fromEntityRow(row),
    stageKeys: claims.map((c: { stage_key: string }) => c.stage_key),
  };
}

/** A stored entity (without its claims) from its row. */
export function fromEntityRow(
  row: EntityRowDb,
): Omit<StoredEntity, 'stageKeys'> {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.system ? { system: row.system } : {}),
    ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
    linked: Boolean(row.linked),
    ...(row.error ? { error: row.error } : {}),
    discoveryErrors: row.discovery_errors
      ? JSON.parse(row.discovery_errors)
      : [],
  };
}
