import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1) },
  reason: { maxWidth: '46ch' },
}));

/**
 * An action that reads AWS now (re-check an entity, start a sweep), for
 * those granted its permission; for the others it is disabled and says why,
 * in words beside it (a tooltip on a disabled button reaches neither
 * keyboards nor touch).
 */
export function RecheckButton(props: {
  label: string;
  busyLabel: string;
  busy: boolean;
  onClick: () => void;
  /** The answer of `usePermission` for the action. */
  permission: { loading: boolean; allowed: boolean };
  /** What the viewer misses without the permission. */
  deniedReason: string;
}) {
  const { label, busyLabel, busy, onClick, permission, deniedReason } = props;
  const { loading, allowed } = permission;
  const classes = useStyles();
  const reasonId = `agl-denied-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <span className={classes.root}>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        startIcon={
          busy ? <CircularProgress size={16} aria-hidden /> : <RefreshIcon />
        }
        disabled={loading || !allowed || busy}
        onClick={onClick}
        aria-describedby={!loading && !allowed ? reasonId : undefined}
      >
        {busy ? busyLabel : label}
      </Button>
      {!loading && !allowed && (
        <Typography
          id={reasonId}
          variant="caption"
          color="textSecondary"
          className={classes.reason}
        >
          {deniedReason}
        </Typography>
      )}
    </span>
  );
}
