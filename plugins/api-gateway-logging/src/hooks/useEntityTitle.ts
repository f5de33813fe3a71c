import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/**
 * The catalog title of an entity (its name when it has none), to show
 * people `Payments API` rather than `api:default/payments-api`. Undefined
 * while loading or when the catalog cannot say.
 */
export function useEntityTitle(entityRef: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!entityRef) return undefined;
    try {
      const entity = await catalogApi.getEntityByRef(entityRef);
      return entity ? entity.metadata.title ?? entity.metadata.name : undefined;
    } catch {
      return undefined;
    }
  }, [catalogApi, entityRef]);
  return value;
}
