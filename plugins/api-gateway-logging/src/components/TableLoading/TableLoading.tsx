import CircularProgress from '@material-ui/core/CircularProgress';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  overlay: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '100%',
    height: '100%',
    backgroundColor: theme.palette.background.paper,
    opacity: 0.7,
  },
}));

/**
 * What a remote table shows while it loads a page: material-table's overlay
 * with a named progress indicator (its own has no name for screen readers).
 */
export function TableLoading() {
  const classes = useStyles();
  return (
    <div className={classes.overlay}>
      <CircularProgress aria-label="Loading the page" />
    </div>
  );
}

/** The table components every remote table of the plugin uses. */
export const REMOTE_TABLE_COMPONENTS = { OverlayLoading: TableLoading };
