import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  apiGatewayLoggingApiRef,
  TraceQuery,
} from '../api/ApiGatewayLoggingApi';

/**
 * One request's trace; nothing is fetched while `query` is undefined.
 * `replace` shows a newer answer for the same request (the trace once kept).
 */
export function useTrace(query: TraceQuery | undefined) {
  const api = useApi(apiGatewayLoggingApiRef);
  const [replaced, setReplaced] = useState<TraceResponse>();
  const state = useAsyncRetry(async () => {
    setReplaced(undefined);
    return query ? api.getTrace(query) : undefined;
  }, [api, query?.requestId, query?.entityRef, query?.stage, query?.around]);
  return { ...state, value: replaced ?? state.value, replace: setReplaced };
}
