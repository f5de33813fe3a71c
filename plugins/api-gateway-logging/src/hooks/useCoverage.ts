import { useApi } from '@backstage/core-plugin-api';
import { CoverageFilters } from '@apigw-logging/plugin-api-gateway-logging-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiGatewayLoggingApiRef } from '../api/ApiGatewayLoggingApi';

/** The logging coverage across the catalog, with the given filters. */
export function useCoverage(filters: CoverageFilters) {
  const api = useApi(apiGatewayLoggingApiRef);
  return useAsyncRetry(
    () => api.getCoverage(filters),
    [api, filters.owner, filters.system, filters.check, filters.status],
  );
}
