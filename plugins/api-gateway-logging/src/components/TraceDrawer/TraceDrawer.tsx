import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { TraceQuery } from '../../api/ApiGatewayLoggingApi';
import { useTrace } from '../../hooks/useTrace';
import { StageInfo } from '../../lib/stages';
import { Breakable } from '../Breakable';
import { KeepTrace, KeptNote } from '../KeepTrace';
import { TraceLinkActions } from '../TraceLinkActions';
import { TracePanel } from '../TracePanel';
import { TimeZoneSwitch } from '../TimeZoneSwitch';

const useStyles = makeStyles(theme => ({
  paper: {
    width: 'min(1000px, 92vw)',
    padding: theme.spacing(2, 3),
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
  },
  title: { flex: '1 1 320px' },
  zone: { marginBottom: theme.spacing(2) },
}));

function DrawerContent(props: {
  query: TraceQuery;
  stages?: StageInfo[];
  onClose: () => void;
}) {
  const { query, stages, onClose } = props;
  const classes = useStyles();
  const state = useTrace(query);
  return (
    <>
      <div className={classes.header}>
        <Typography variant="h5" component="h2" className={classes.title}>
          Request <Breakable text={query.requestId} />
        </Typography>
        {state.value?.found && (
          <TraceLinkActions
            target={{
              requestId: query.requestId,
              entityRef: query.entityRef,
              stage: query.stage,
              stages,
              around: query.around,
            }}
          >
            <KeepTrace
              query={query}
              response={state.value}
              onKept={state.replace}
            />
          </TraceLinkActions>
        )}
        <IconButton aria-label="Close the trace" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </div>
      {/* A kept copy says so in its banner instead. */}
      {state.value?.kept && state.value.source !== 'kept' && (
        <div className={classes.zone}>
          <KeptNote kept={state.value.kept} />
        </div>
      )}
      <div className={classes.zone}>
        <TimeZoneSwitch />
      </div>
      <TracePanel state={state} />
    </>
  );
}

/** One request's trace beside the failures table. */
export function TraceDrawer(props: {
  query?: TraceQuery;
  /** The entity's stages, for short links. */
  stages?: StageInfo[];
  onClose: () => void;
}) {
  const { query, stages, onClose } = props;
  const classes = useStyles();
  return (
    <Drawer
      anchor="right"
      open={!!query}
      onClose={onClose}
      classes={{ paper: classes.paper }}
    >
      {query && (
        <DrawerContent query={query} stages={stages} onClose={onClose} />
      )}
    </Drawer>
  );
}
