import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { TraceQuery } from '../../api/ApiGatewayLoggingApi';
import { TraceLinkActions } from '../TraceLinkActions';
import { TracePanel } from '../TracePanel';

const useStyles = makeStyles(theme => ({
  paper: {
    width: 'min(1000px, 90vw)',
    padding: theme.spacing(2, 3),
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  title: { flex: 1, wordBreak: 'break-all' },
}));

/** One request's trace beside the failures table. */
export function TraceDrawer(props: {
  query?: TraceQuery;
  onClose: () => void;
}) {
  const { query, onClose } = props;
  const classes = useStyles();
  return (
    <Drawer
      anchor="right"
      open={!!query}
      onClose={onClose}
      classes={{ paper: classes.paper }}
    >
      {query && (
        <>
          <div className={classes.header}>
            <Typography variant="h5" component="h2" className={classes.title}>
              Request {query.requestId}
            </Typography>
            <TraceLinkActions
              target={{
                requestId: query.requestId,
                entityRef: query.entityRef,
                stageArn: query.stage,
                around: query.around,
              }}
            />
            <IconButton aria-label="Close" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </div>
          <TracePanel query={query} />
        </>
      )}
    </Drawer>
  );
}
