import { Progress } from '@backstage/core-components';
import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { ErrorState } from '../ErrorState';
import { TraceView } from '../TraceView';

/** Titles for the trace endpoint's errors. */
export const TRACE_ERROR_TITLES = {
  400: 'This request id or entity cannot be searched',
  403: 'You are not allowed to read the logs of this API, or the stage is not one of its stages',
  404: 'No log event of this request was found',
};

/**
 * The backend's not-found message names URL parameters (`around=`) that a
 * person on the trace page does not type: the search form is right there.
 */
export function rewriteTraceMessage(message: string): string {
  return message
    .replace(/,? or give the time it happened \(around=\) if it is older/, '')
    .replace(/\s*\(around=\)/g, '');
}

/** One request's trace as fetched by `useTrace`: loading, error or view. */
export function TracePanel(props: {
  state: { loading: boolean; error?: Error; value?: TraceResponse };
}) {
  const { loading, error, value } = props.state;
  if (loading) return <Progress />;
  if (error) {
    return (
      <ErrorState
        error={error}
        titles={TRACE_ERROR_TITLES}
        rewrite={rewriteTraceMessage}
      />
    );
  }
  return value ? <TraceView response={value} /> : null;
}
