import { Progress } from '@backstage/core-components';
import { TraceQuery } from '../../api/ApiGatewayLoggingApi';
import { useTrace } from '../../hooks/useTrace';
import { ErrorState } from '../ErrorState';
import { TraceView } from '../TraceView';

/** Titles for the trace endpoint's errors. */
export const TRACE_ERROR_TITLES = {
  400: 'This request id or entity cannot be searched',
  403: 'You are not allowed to read the logs of this API, or the stage is not one of its stages',
  404: 'No log event of this request was found',
};

/** Fetches and shows one request's trace. */
export function TracePanel(props: { query: TraceQuery }) {
  const { value, loading, error } = useTrace(props.query);
  if (loading) return <Progress />;
  if (error) return <ErrorState error={error} titles={TRACE_ERROR_TITLES} />;
  return value ? <TraceView response={value} /> : null;
}
