import { Entity } from '@backstage/catalog-model';
import { hasStageAnnotation } from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * Whether an entity names API Gateway stages, for `EntitySwitch` conditions:
 * show the tab on Components that carry the annotations.
 *
 * @public
 */
export function isApiGatewayLoggingAvailable(entity: Entity): boolean {
  return hasStageAnnotation(entity);
}
