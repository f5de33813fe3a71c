import { useRouteRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/**
 * The path of an entity's API Gateway logging tab: `/api-gateway-logging`
 * under the entity page, as the README mounts it.
 */
export function useEntityTabLink(entity: CompoundEntityRef): string {
  const entityRoute = useRouteRef(entityRouteRef);
  return `${entityRoute({
    namespace: entity.namespace,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    name: entity.name,
  })}/api-gateway-logging`;
}
