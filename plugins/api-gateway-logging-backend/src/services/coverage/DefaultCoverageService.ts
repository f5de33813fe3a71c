import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
  CoverageEntity,
  CoverageQuery,
  CoverageResponse,
  hasStageAnnotation,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditService } from '../audit/types';
import { summarize } from '../audit/summarize';
import { linkEntity } from '../entities/EntityLoader';
import { CoverageService } from './types';
import { coverageTotals } from './coverageTotals';
import { applyFilters, normalizeRef, pickFilters, sortEntities } from './filters';
import { auditTarget, interleaveBy } from './fairOrder';

// Entities audited at once. The rate limiters bound the AWS calls; this
// bounds memory. Entities are taken round-robin across accounts and regions
// (see fairOrder), so these slots are spread over every limiter.
export const COVERAGE_CONCURRENCY = 32;

/** {@link CoverageService} over the catalog and the {@link AuditService}. */
export class DefaultCoverageService implements CoverageService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async report(
    credentials: BackstageCredentials,
    query: CoverageQuery,
  ): Promise<CoverageResponse> {
    // Every API, and the Components that carry a stage annotation; the
    // caller's credentials so catalog read permissions apply.
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          { kind: 'API' },
          {
            kind: 'Component',
            [`metadata.annotations.${ANNOTATION_STAGE_ARN}`]:
              CATALOG_FILTER_EXISTS,
          },
          {
            kind: 'Component',
            [`metadata.annotations.${ANNOTATION_STAGE_TAGS}`]:
              CATALOG_FILTER_EXISTS,
          },
        ],
      },
      { credentials },
    );
    const unique = new Map(items.map(e => [stringifyEntityRef(e), e]));
    const entities = await mapLimit(
      interleaveBy([...unique.values()], auditTarget),
      COVERAGE_CONCURRENCY,
      e => this.auditOne(e),
    );
    const matching = applyFilters(entities, query);
    const sort = query.sort ?? 'failing';
    const order = query.order ?? (sort === 'name' || sort === 'owner' ? 'asc' : 'desc');
    const sorted = sortEntities(matching, sort, order);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return {
      generatedAt: new Date().toISOString(),
      sweep: { running: false },
      filters: pickFilters(query),
      sort,
      order,
      offset,
      limit,
      total: matching.length,
      summary: coverageTotals(entities),
      matching: coverageTotals(matching),
      entities: sorted.slice(offset, offset + limit),
    };
  }

  private async auditOne(entity: Entity): Promise<CoverageEntity> {
    const base = {
      entityRef: stringifyEntityRef(entity),
      kind: entity.kind,
      ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
      ...optionalRef('owner', entity.spec?.owner, 'group'),
      ...optionalRef('system', entity.spec?.system, 'system'),
      stages: [],
      discoveryErrors: [],
      summary: summarize([]),
    };
    if (!hasStageAnnotation(entity)) return { ...base, linked: false };
    try {
      const audit = await this.audit.auditEntity(linkEntity(entity));
      return {
        ...base,
        linked: true,
        stages: audit.stages,
        discoveryErrors: audit.discoveryErrors,
        summary: audit.summary,
      };
    } catch (error) {
      // A malformed annotation (InputError) or anything unexpected: shown on
      // the entity's row, the rest of the report goes on.
      return {
        ...base,
        linked: true,
        error: isError(error) ? error.message : String(error),
      };
    }
  }
}

function optionalRef(key: string, value: unknown, defaultKind: string) {
  const ref =
    typeof value === 'string' ? normalizeRef(value, defaultKind) : undefined;
  return ref ? { [key]: ref } : {};
}

/** Maps with at most `limit` promises pending, keeping the order. */
async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}
