import { InfoCard, Link } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import { blindSpotsFor } from '../../lib/blindSpots';
import { CATEGORY_LABELS } from '../../lib/categories';
import { cloudWatchLogEventsUrl } from '../../lib/console';
import { shortenMasks } from '../../lib/text';
import { formatDuration, formatFullTime } from '../../lib/time';
import { Breakable } from '../Breakable';
import { AccessLogRecordCard } from '../AccessLogRecordCard';
import { BlindSpots } from '../BlindSpots';
import { KeptNote } from '../KeepTrace';
import { TracePhases } from '../TracePhases';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  console: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5, 2),
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

/**
 * The same request in the CloudWatch console: each log group searched,
 * filtered on the request id over the window searched.
 */
function ConsoleLinks(props: { response: TraceResponse }) {
  const { response } = props;
  const classes = useStyles();
  const { region } = response;
  // A kept copy's logs are gone: the console would show nothing.
  if (!region || response.source === 'kept') return null;
  const links = response.searched.logGroupNames
    .map(logGroupName => ({
      logGroupName,
      url: cloudWatchLogEventsUrl({
        region,
        logGroupName,
        requestId: response.requestId,
        from: response.searched.from,
        to: response.searched.to,
      }),
    }))
    .filter((l): l is { logGroupName: string; url: string } => !!l.url);
  if (links.length === 0) return null;
  return (
    <div className={classes.console}>
      <Typography variant="body2" color="textSecondary" component="span">
        In the CloudWatch console:
      </Typography>
      {links.map(l => (
        <Typography key={l.logGroupName} variant="body2" component="span">
          <Link to={l.url} target="_blank" rel="noopener noreferrer">
            <Breakable text={l.logGroupName} />
          </Link>
        </Typography>
      ))}
    </div>
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
        {shortenMasks(trace.failure.reason)}
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
  const { zone } = useTimeZone();
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
      {response.source === 'kept' && (
        <Grid item xs={12}>
          <Alert severity="warning" variant="outlined">
            <AlertTitle>
              The logs of this request are gone: this is the copy that was kept
            </AlertTitle>
            CloudWatch deleted the log events (their retention ended). What
            follows was stored, redacted, when the trace was kept; it is not
            read from AWS again.{' '}
            {response.kept && <KeptNote kept={response.kept} />}
          </Alert>
        </Grid>
      )}
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
                ? formatFullTime(trace.startTime, zone)
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
          <Fact
            label="API key"
            value={trace?.apiKey ? shortenMasks(trace.apiKey) : undefined}
            mono
          />
          <Fact label="Usage plan" value={trace?.usagePlanId} mono />
        </dl>
      </Grid>
      <Grid item xs={12}>
        <ConsoleLinks response={response} />
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
              <TracePhases
                events={trace.events}
                startTime={trace.startTime}
                status={trace.status ?? accessLog?.status}
              />
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
              <Breakable
                text={
                  response.searched.logGroupNames.join(', ') || 'any log group'
                }
              />
              .
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
