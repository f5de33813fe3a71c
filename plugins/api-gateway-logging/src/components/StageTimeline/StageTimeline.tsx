import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  StageChange,
  StageHistoryResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import { changeHeadline, changeText } from '../../lib/history';
import { formatBetween, formatMinute } from '../../lib/time';
import { StageStatusLabel } from '../CheckStatus';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    position: 'relative',
    paddingLeft: theme.spacing(3),
    paddingBottom: theme.spacing(1.5),
    // The line joining the versions, newest on top.
    '&::before': {
      content: '""',
      position: 'absolute',
      left: 5,
      top: 6,
      bottom: 0,
      borderLeft: `2px solid ${theme.palette.divider}`,
    },
    '&:last-child::before': { display: 'none' },
    '&::after': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: 4,
      width: 12,
      height: 12,
      borderRadius: '50%',
      backgroundColor: theme.palette.background.paper,
      border: `2px solid ${theme.palette.text.secondary}`,
      boxSizing: 'border-box',
    },
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5, 1.5),
  },
  summary: { fontWeight: theme.typography.fontWeightMedium as number },
  mono: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  },
  details: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
}));

/**
 * `Execution logging ERROR → OFF, between 13:00 and 14:00 on 28 Nov,
 * deployment abc123`, in the chosen zone.
 */
function Version(props: { version: StageChange }) {
  const { version } = props;
  const classes = useStyles();
  const { zone } = useTimeZone();
  const seen = Date.parse(version.seenAt);
  const previous = version.previousSeenAt
    ? Date.parse(version.previousSeenAt)
    : undefined;
  const when = formatBetween(previous, seen, zone);
  return (
    <li className={classes.item}>
      <div className={classes.head}>
        <Typography variant="body2" className={classes.summary}>
          {changeHeadline(version)}
        </Typography>
        <StageStatusLabel status={version.status} />
      </div>
      <Typography variant="body2" color="textSecondary">
        {when.charAt(0).toLocaleUpperCase('en-US') + when.slice(1)}
        {version.deploymentId && (
          <>
            , deployment{' '}
            <span className={classes.mono}>{version.deploymentId}</span>
          </>
        )}
        {version.lastUpdatedDate && (
          <>
            ; AWS says it was updated{' '}
            {formatMinute(Date.parse(version.lastUpdatedDate), zone)}
          </>
        )}
      </Typography>
      {version.changes.length > 1 && (
        <ul className={classes.details}>
          {version.changes.map(c => (
            <li key={`${c.what}|${c.from}|${c.to}`}>
              <Typography variant="body2">{changeText(c)}</Typography>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * One stage's changes, newest first: what changed, between which two
 * sightings (the times in the chosen zone), the deployment, and the stage's
 * status after it.
 */
export function StageTimeline(props: {
  history: StageHistoryResponse;
  /** Versions shown at most; the rest are counted. */
  max?: number;
}) {
  const { history, max = 10 } = props;
  const classes = useStyles();
  if (history.versions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No change recorded yet: the first sweep or re-check records the stage.
      </Typography>
    );
  }
  const shown = history.versions.slice(0, max);
  const more = history.versions.length - shown.length;
  return (
    <>
      <ol
        className={classes.list}
        aria-label={`Changes of stage ${history.stageName}, newest first`}
      >
        {shown.map(v => (
          <Version key={v.seenAt} version={v} />
        ))}
      </ol>
      {more > 0 && (
        <Typography variant="caption" color="textSecondary">
          {more} older change{more === 1 ? '' : 's'} not shown.
        </Typography>
      )}
    </>
  );
}
