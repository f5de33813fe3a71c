import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { apiGatewayLoggingApiRef } from '../api/ApiGatewayLoggingApi';

/**
 * The checks the backend runs, modules' included: the filters and tables
 * show them without knowing them in advance.
 */
export function useChecks() {
  const api = useApi(apiGatewayLoggingApiRef);
  return useAsync(() => api.getChecks(), [api]);
}
