import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  apiGatewayLoggingApiRef,
  FailuresQuery,
} from '../api/ApiGatewayLoggingApi';

/**
 * One page of an entity's failures. `enabled: false` skips the call (when
 * the viewer may not read traces).
 */
export function useFailures(
  entity: CompoundEntityRef,
  query: FailuresQuery,
  enabled: boolean = true,
) {
  const api = useApi(apiGatewayLoggingApiRef);
  return useAsyncRetry(
    async () => (enabled ? api.getFailures(entity, query) : undefined),
    [
      api,
      enabled,
      entity.kind,
      entity.namespace,
      entity.name,
      query.from,
      query.to,
      query.category,
      query.stage,
      query.cursor,
      query.limit,
    ],
  );
}
