import { InfoCard } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { blindSpotsFor } from '../../lib/blindSpots';
import { CATEGORY_LABELS } from '../../lib/categories';
import { formatDuration, formatFullTime } from '../../lib/time';
import { AccessLogRecordCard } from '../AccessLogRecordCard';
import { BlindSpots } from '../BlindSpots';
import { TracePhases } from '../TracePhases';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, wordBreak: 'break-all' },
  },
  mono: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  },
}));

function Fact(props: {
  label: string;
  value?: string | number;
  mono?: boolean;
}) {
  const classes = useStyles();
  if (props.value === undefined || props.value === '') return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd className={props.mono ? classes.mono : undefined}>{props.value}</dd>
    </>
  );
}

/** Why the request failed, or how it completed. */
function Outcome(props: { response: TraceResponse }) {
  const { trace, accessLog } = props.response;
  const status = trace?.status ?? accessLog?.status;
  if (trace?.failure) {
    return (
      <Alert severity="error">
        <AlertTitle>
          {status ? `${status} · ` : ''}
          {CATEGORY_LABELS[trace.failure.category]}
        </AlertTitle>
        {trace.failure.reason}
      </Alert>
    );
  }
  if (status !== undefined && status >= 400) {
    return (
      <Alert severity="error">
        <AlertTitle>
          {status}
          {accessLog?.errorResponseType
            ? ` · ${accessLog.errorResponseType}`
            : ''}
        </AlertTitle>
        {accessLog?.authorizerError ??
          accessLog?.integrationErrorMessage ??
          accessLog?.errorMessage ??
          'The logs do not say why.'}
      </Alert>
    );
  }
  return (
    <Alert severity={status ? 'success' : 'info'}>
      {status
        ? `Completed with status ${status}.`
        : 'The logs do not record how this request completed.'}
    </Alert>
  );
}

/**
 * One request: its outcome and why it failed, what the logs cannot show,
 * its steps in order with their (redacted) events, and its access-log line.
 */
export function TraceView(props: { response: TraceResponse }) {
  const { response } = props;
  const { trace, accessLog } = response;
  const classes = useStyles();
  const method = trace?.httpMethod ?? accessLog?.httpMethod;
  const path =
    trace?.resourcePath ?? accessLog?.resourcePath ?? accessLog?.routeKey;
  const duration =
    trace?.startTime !== undefined && trace?.endTime !== undefined
      ? trace.endTime - trace.startTime
      : undefined;
  const latency =
    accessLog?.responseLatencyMs ??
    (duration !== undefined ? duration : undefined);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Outcome response={response} />
      </Grid>
      <Grid item xs={12}>
        <dl className={classes.facts}>
          <Fact label="Request id" value={response.requestId} mono />
          <Fact
            label="Extended request id"
            value={trace?.extendedRequestId}
            mono
          />
          <Fact
            label="Request"
            value={[method, path].filter(Boolean).join(' ')}
            mono
          />
          <Fact label="Stage" value={response.stageName ?? ''} />
          <Fact
            label="Started"
            value={
              trace?.startTime !== undefined
                ? formatFullTime(trace.startTime)
                : accessLog?.requestTime
            }
          />
          <Fact
            label="Response latency"
            value={latency !== undefined ? formatDuration(latency) : undefined}
          />
          <Fact
            label="Integration"
            value={
              trace?.integrationStatus !== undefined ||
              trace?.integrationLatencyMs !== undefined
                ? [
                    trace?.integrationStatus !== undefined
                      ? `status ${trace.integrationStatus}`
                      : undefined,
                    trace?.integrationLatencyMs !== undefined
                      ? `latency ${formatDuration(trace.integrationLatencyMs)}`
                      : undefined,
                  ]
                    .filter(Boolean)
                    .join(', ')
                : undefined
            }
          />
          <Fact
            label="Authorizer"
            value={
              trace?.authorizer
                ? `${trace.authorizer.outcome}${
                    trace.authorizer.id ? ` (${trace.authorizer.id})` : ''
                  }`
                : undefined
            }
          />
          <Fact label="API key" value={trace?.apiKey} mono />
          <Fact label="Usage plan" value={trace?.usagePlanId} mono />
        </dl>
      </Grid>
      <Grid item xs={12}>
        <BlindSpots spots={blindSpotsFor(response)} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Execution log"
          subheader={
            trace
              ? `${trace.events.length} events, grouped by step; headers and bodies are redacted`
              : undefined
          }
        >
          {trace ? (
            <>
              <TracePhases events={trace.events} startTime={trace.startTime} />
              {trace.droppedEvents ? (
                <Typography variant="caption" color="textSecondary">
                  {trace.droppedEvents} more events were dropped (the trace
                  reached its event cap).
                </Typography>
              ) : null}
            </>
          ) : (
            <Typography variant="body2" color="textSecondary">
              No execution-log event of this request was found in{' '}
              {response.searched.logGroupNames.join(', ') || 'any log group'}.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      {accessLog && (
        <Grid item xs={12}>
          <AccessLogRecordCard record={accessLog} />
        </Grid>
      )}
    </Grid>
  );
}
