import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import { ExecutionLogEvent } from '@apigw-logging/plugin-api-gateway-logging-common';
import { shortenMasks } from '../../lib/text';
import { formatDuration } from '../../lib/time';
import { groupByPhase, isFailureEvent, TracePhase } from '../../lib/phases';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const useStyles = makeStyles(theme => ({
  phase: {
    borderLeft: `2px solid ${theme.palette.divider}`,
    marginLeft: theme.spacing(1.5),
    paddingLeft: theme.spacing(3),
    paddingBottom: theme.spacing(2),
    position: 'relative',
  },
  icon: {
    position: 'absolute',
    left: -13,
    top: 0,
    backgroundColor: theme.palette.background.paper,
  },
  ok: { color: theme.palette.success.main },
  // The dark shade: the main one is too light for small text (WCAG AA).
  failed: { color: theme.palette.error.dark },
  empty: { color: theme.palette.text.disabled },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minHeight: 24,
    marginBottom: theme.spacing(0.5),
  },
  title: { fontWeight: theme.typography.fontWeightBold as number },
  event: {
    display: 'grid',
    gridTemplateColumns: '80px 1fr',
    gap: theme.spacing(1),
    padding: theme.spacing(0.25, 0),
  },
  offset: {
    fontFamily: MONO,
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    textAlign: 'right',
    paddingTop: 2,
  },
  message: {
    fontFamily: MONO,
    fontSize: '0.8125rem',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
  },
  failedMessage: { color: theme.palette.error.dark, fontWeight: 600 },
  truncated: { marginLeft: theme.spacing(1), height: 18 },
}));

/** The status the client got, when a step returned an error status. */
function errorStatus(phase: TracePhase, status?: number): number | undefined {
  if (phase.id !== 'method-response') return undefined;
  const returned =
    phase.events.find(e => e.status !== undefined)?.status ?? status;
  return returned !== undefined && returned >= 400 ? returned : undefined;
}

/**
 * A green tick only for a step that went well: the method response is a
 * success only with a 2xx or 3xx status.
 */
function PhaseIcon(props: { phase: TracePhase; status?: number }) {
  const classes = useStyles();
  const { phase, status } = props;
  if (phase.failed || errorStatus(phase, status) !== undefined)
    return (
      <ErrorIcon
        className={`${classes.icon} ${classes.failed}`}
        titleAccess={phase.failed ? 'Failed' : 'Error status'}
      />
    );
  if (phase.events.length === 0)
    return (
      <RadioButtonUncheckedIcon
        className={`${classes.icon} ${classes.empty}`}
        titleAccess="Nothing logged"
      />
    );
  return (
    <CheckCircleIcon
      className={`${classes.icon} ${classes.ok}`}
      titleAccess="Succeeded"
    />
  );
}

function EventLine(props: { event: ExecutionLogEvent; start?: number }) {
  const { event, start } = props;
  const classes = useStyles();
  const offset =
    start !== undefined && event.timestamp !== undefined
      ? `+${event.timestamp - start} ms`
      : '';
  return (
    <div className={classes.event}>
      <span className={classes.offset}>{offset}</span>
      <pre
        className={`${classes.message} ${
          isFailureEvent(event) ? classes.failedMessage : ''
        }`}
      >
        {shortenMasks(event.message)}
        {event.truncated && (
          <Chip
            size="small"
            label="truncated"
            title="API Gateway cut this event at 1,024 bytes"
            className={classes.truncated}
          />
        )}
      </pre>
    </div>
  );
}

/** Why a step has no events: skipped after a failure, or not logged. */
function emptyPhaseText(
  index: number,
  firstFailed: number,
  lastLogged: number,
) {
  if (firstFailed !== -1 && index > firstFailed) {
    return 'Not reached: the request stopped at an earlier step.';
  }
  return index > lastLogged
    ? 'Not reached, or not logged.'
    : 'Nothing logged for this step.';
}

/**
 * A trace's events grouped by the step of the request they belong to, in
 * API Gateway's order; steps that logged nothing are shown as such.
 */
export function TracePhases(props: {
  events: ExecutionLogEvent[];
  startTime?: number;
  /** The status returned to the client. */
  status?: number;
}) {
  const { events, startTime, status } = props;
  const classes = useStyles();
  const phases = groupByPhase(events);
  const lastLogged = phases.map(p => p.events.length > 0).lastIndexOf(true);
  const firstFailed = phases.findIndex(p => p.failed);
  return (
    <div>
      {phases.map((phase, index) => (
        <div key={phase.id} className={classes.phase}>
          <PhaseIcon phase={phase} status={status} />
          <div className={classes.header}>
            <Typography variant="subtitle2" className={classes.title}>
              {phase.title}
            </Typography>
            {phase.latencyMs !== undefined && (
              <Chip
                size="small"
                variant="outlined"
                label={`integration latency ${formatDuration(phase.latencyMs)}`}
              />
            )}
            {phase.durationMs !== undefined && phase.durationMs > 0 && (
              <Typography variant="caption" color="textSecondary">
                {formatDuration(phase.durationMs)}
              </Typography>
            )}
            {phase.failed && (
              <Typography variant="caption" className={classes.failed}>
                failed here
              </Typography>
            )}
            {!phase.failed && errorStatus(phase, status) !== undefined && (
              <Typography variant="caption" className={classes.failed}>
                returned {errorStatus(phase, status)}
              </Typography>
            )}
          </div>
          {phase.events.length === 0 ? (
            <Typography variant="caption" color="textSecondary">
              {emptyPhaseText(index, firstFailed, lastLogged)}
            </Typography>
          ) : (
            phase.events.map((event, i) => (
              <EventLine key={i} event={event} start={startTime} />
            ))
          )}
        </div>
      ))}
    </div>
  );
}
