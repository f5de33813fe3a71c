import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** `team-a`, `group:team-a` and `group:default/team-a` as one full ref. */
function fullRef(value: string, defaultKind: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

function refs(
  facet: Array<{ value: string }> | undefined,
  defaultKind: string,
): string[] {
  return [
    ...new Set(
      (facet ?? [])
        .map(f => fullRef(f.value, defaultKind))
        .filter((r): r is string => !!r),
    ),
  ].sort();
}

/**
 * The owners and systems of the catalog's APIs and Components, for the
 * coverage filters: from the catalog's facets, not from one page of
 * coverage, so that every owner can be picked at 500 APIs.
 */
export function useOwnersAndSystems() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { facets } = await catalogApi.getEntityFacets({
      filter: { kind: ['API', 'Component'] },
      facets: ['spec.owner', 'spec.system'],
    });
    return {
      owners: refs(facets['spec.owner'], 'group'),
      systems: refs(facets['spec.system'], 'system'),
    };
  }, [catalogApi]);
}
