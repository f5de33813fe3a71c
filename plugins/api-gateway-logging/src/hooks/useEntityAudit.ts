import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiGatewayLoggingApiRef } from '../api/ApiGatewayLoggingApi';

/** The logging audit of the current entity's stages. */
export function useEntityAudit() {
  const { entity } = useEntity();
  const api = useApi(apiGatewayLoggingApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(
    () => api.getEntityAudit(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
}
