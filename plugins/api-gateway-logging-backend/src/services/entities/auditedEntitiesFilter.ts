import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * The catalog entities the plugin audits: every API, and every Component
 * that names stages (by ARN or by tags). One filter for the sweep and the
 * coverage report, so both see the same estate.
 */
export const AUDITED_ENTITIES_FILTER: EntityFilterQuery = [
  { kind: 'API' },
  {
    kind: 'Component',
    [`metadata.annotations.${ANNOTATION_STAGE_ARN}`]: CATALOG_FILTER_EXISTS,
  },
  {
    kind: 'Component',
    [`metadata.annotations.${ANNOTATION_STAGE_TAGS}`]: CATALOG_FILTER_EXISTS,
  },
];
