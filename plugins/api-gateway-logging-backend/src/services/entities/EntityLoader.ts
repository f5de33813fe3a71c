import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_EXAMPLES,
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
  AnnotationError,
  StageSelector,
  readStageSelector,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** An entity and how it selects its API Gateway stages. */
export interface LinkedEntity {
  entity: Entity;
  entityRef: string;
  selector: StageSelector;
}

/**
 * Loads entities from the catalog with the caller's credentials (so catalog
 * read permissions apply) and reads their stage annotations.
 */
export class EntityLoader {
  constructor(private readonly catalog: CatalogService) {}

  /** The entity, or NotFoundError when the catalog has none (or hides it). */
  async load(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(
          ref,
        )} in the catalog. Check the kind, namespace and name in the URL.`,
      );
    }
    return entity;
  }

  /**
   * The entity and its stage selector. A malformed annotation is the
   * caller's input error (400); an entity without annotations has no stages
   * to find (404).
   */
  async loadLinked(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<LinkedEntity> {
    const entity = await this.load(ref, credentials);
    return linkEntity(entity);
  }
}

/** Reads an entity's selector, mapping annotation problems to HTTP errors. */
export function linkEntity(entity: Entity): LinkedEntity {
  const entityRef = stringifyEntityRef(entity);
  let selector: StageSelector | undefined;
  try {
    selector = readStageSelector(entity);
  } catch (error) {
    if (error instanceof AnnotationError) {
      throw new InputError(`Entity ${entityRef}: ${error.message}`);
    }
    throw error;
  }
  if (!selector) {
    throw new NotFoundError(
      `Entity ${entityRef} names no API Gateway stage. Add the annotation ${ANNOTATION_STAGE_ARN} (for example ${ANNOTATION_EXAMPLES[ANNOTATION_STAGE_ARN]}) or ${ANNOTATION_STAGE_TAGS} (for example ${ANNOTATION_EXAMPLES[ANNOTATION_STAGE_TAGS]}).`,
    );
  }
  return { entity, entityRef, selector };
}
