import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityAuditResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiGatewayLoggingApiRef } from '../api/ApiGatewayLoggingApi';

/**
 * The logging audit of the current entity's stages, as stored by the last
 * sweep (or audited live for a stage never swept), and `recheck`, which
 * audits them live now ("Re-check now"): its answer replaces the stored one.
 */
export function useEntityAudit() {
  const { entity } = useEntity();
  const api = useApi(apiGatewayLoggingApiRef);
  const ref = getCompoundEntityRef(entity);
  const deps = [api, ref.kind, ref.namespace, ref.name];
  const [rechecked, setRechecked] = useState<EntityAuditResponse>();
  const stored = useAsyncRetry(async () => {
    setRechecked(undefined);
    return api.getEntityAudit(ref);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const [recheckState, recheck] = useAsyncFn(async () => {
    const audit = await api.refreshEntityAudit(ref);
    setRechecked(audit);
    return audit;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return {
    value: rechecked ?? stored.value,
    loading: stored.loading,
    error: stored.error,
    recheck,
    rechecking: recheckState.loading,
    recheckError: recheckState.error,
  };
}
