import { Progress, WarningPanel } from '@backstage/core-components';
import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import {
  formatMinute,
  formatWindow,
  TimeZoneChoice,
  zoneLabel,
} from '../../lib/time';
import { ErrorState } from '../ErrorState';
import { TraceView } from '../TraceView';

/** Titles for the trace endpoint's errors. */
export const TRACE_ERROR_TITLES = {
  400: 'This request id or entity cannot be searched',
  403: 'You are not allowed to read the logs of this API, or the stage is not one of its stages',
  404: 'No log event of this request was found',
};

/**
 * The backend's not-found message, as the trace page's reader needs it: no
 * URL parameters (`around=`; the search form is right there), and its UTC
 * timestamps in the zone every other time is shown in.
 */
export function rewriteTraceMessage(
  message: string,
  zone: TimeZoneChoice,
): string {
  const zoneName = zoneLabel(zone);
  return message
    .replace(/,? or give the time it happened \(around=\) if it is older/, '')
    .replace(/\s*\(around=\)/g, '')
    .replace(
      /\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z\b/g,
      iso => `${formatMinute(Date.parse(iso), zone)} (${zoneName})`,
    );
}

/**
 * A search that found nothing but stopped early (a cap on events, calls or
 * time): what it covered, and how to narrow it.
 */
export function PartialSearch(props: { response: TraceResponse }) {
  const { searched } = props.response;
  const { zone, label } = useTimeZone();
  const covered = formatWindow(
    searched.searchedFrom ?? searched.from,
    searched.to,
    zone,
  );
  const window = formatWindow(searched.from, searched.to, zone);
  return (
    <WarningPanel
      severity="info"
      title="Not found in the part of the logs searched"
      message={`The search of ${window} (${label}) stopped early and covered ${covered} only, in ${
        searched.logGroupNames.join(', ') || 'no log group'
      }. Give the time the request happened to search around it.`}
    />
  );
}

/** One request's trace as fetched by `useTrace`: loading, error or view. */
export function TracePanel(props: {
  state: { loading: boolean; error?: Error; value?: TraceResponse };
}) {
  const { loading, error, value } = props.state;
  const { zone } = useTimeZone();
  if (loading) return <Progress aria-label="Loading the trace" />;
  if (error) {
    return (
      <ErrorState
        error={error}
        titles={TRACE_ERROR_TITLES}
        rewrite={message => rewriteTraceMessage(message, zone)}
      />
    );
  }
  if (value && !value.found) return <PartialSearch response={value} />;
  return value ? <TraceView response={value} /> : null;
}
