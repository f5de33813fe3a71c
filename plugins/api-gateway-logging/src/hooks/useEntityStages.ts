import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiGatewayLoggingApiRef } from '../api/ApiGatewayLoggingApi';

/** The stages the current entity's annotations name. */
export function useEntityStages() {
  const { entity } = useEntity();
  const api = useApi(apiGatewayLoggingApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(
    () => api.getEntityStages(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );
}
