import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  apiGatewayLoggingApiRef,
  TraceQuery,
} from '../api/ApiGatewayLoggingApi';

/** One request's trace; nothing is fetched while `query` is undefined. */
export function useTrace(query: TraceQuery | undefined) {
  const api = useApi(apiGatewayLoggingApiRef);
  return useAsyncRetry(
    async () => (query ? api.getTrace(query) : undefined),
    [api, query?.requestId, query?.entityRef, query?.stage, query?.around],
  );
}
