import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  apiGatewayLoggingApiRef,
  CoverageHistoryQuery,
  StageHistoryQuery,
} from '../api/ApiGatewayLoggingApi';

/** Days of history the views show. */
export const HISTORY_DAYS = 30;

/** The current entity's stages' timelines and its coverage per day. */
export function useEntityHistory() {
  const { entity } = useEntity();
  const api = useApi(apiGatewayLoggingApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsync(
    () => api.getEntityHistory(ref, { days: HISTORY_DAYS }),
    [api, ref.kind, ref.namespace, ref.name],
  );
}

/** Coverage per day of the fleet, or of one owner or system. */
export function useCoverageHistory(query: CoverageHistoryQuery) {
  const api = useApi(apiGatewayLoggingApiRef);
  return useAsync(
    () => api.getCoverageHistory({ days: HISTORY_DAYS, ...query }),
    [api, query.owner, query.system],
  );
}

/** One stage's timeline; nothing is fetched while `query` is undefined. */
export function useStageHistory(query: StageHistoryQuery | undefined) {
  const api = useApi(apiGatewayLoggingApiRef);
  return useAsync(
    async () => (query ? api.getStageHistory(query) : undefined),
    [api, query?.stage, query?.account],
  );
}
