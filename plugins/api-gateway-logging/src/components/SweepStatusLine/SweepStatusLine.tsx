import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SweepStatus } from '@apigw-logging/plugin-api-gateway-logging-common';
import { apiGatewayLoggingApiRef } from '../../api/ApiGatewayLoggingApi';
import { useSweepPermission } from '../../hooks/useRefreshPermissions';
import { sweepText } from '../../lib/sweeps';
import { ErrorState } from '../ErrorState';
import { RecheckButton } from '../RecheckButton';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
  },
  error: { flexBasis: '100%' },
}));

/** How often a running sweep is asked whether it has ended. */
export const SWEEP_POLL_MS = 5000;

/**
 * How old the stored results are ("Checked 12 minutes ago by a sweep of
 * 1,234 stages; next sweep hourly"), and "Sweep now" for those allowed to:
 * it starts a sweep, follows it, and says when it has ended (`onSwept`).
 */
export function SweepStatusLine(props: {
  sweep: SweepStatus;
  onSwept: () => void;
}) {
  const { onSwept } = props;
  const classes = useStyles();
  const api = useApi(apiGatewayLoggingApiRef);
  const [sweep, setSweep] = useState(props.sweep);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<Error>();
  const permission = useSweepPermission();
  useEffect(() => setSweep(props.sweep), [props.sweep]);

  // While a sweep runs, ask now and then whether it has ended.
  useEffect(() => {
    if (!sweep.running) return undefined;
    const timer = setTimeout(async () => {
      try {
        const latest = await api.getLatestSweep();
        setSweep(latest);
        if (!latest.running) onSwept();
      } catch (e) {
        setError(e as Error);
      }
    }, SWEEP_POLL_MS);
    return () => clearTimeout(timer);
  }, [api, sweep, onSwept]);

  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      setSweep(await api.startSweep());
    } catch (e) {
      setError(e as Error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className={classes.root}>
      <Typography variant="body2" color="textSecondary" role="status">
        {sweepText(sweep)}
      </Typography>
      <RecheckButton
        label="Sweep now"
        busyLabel={starting ? 'Starting…' : 'Sweeping…'}
        busy={starting || sweep.running}
        onClick={start}
        permission={permission}
        deniedReason="Sweeping reads every account now and needs the api-gateway-logging.sweep.run permission."
      />
      {error && (
        <div className={classes.error}>
          <ErrorState
            error={error}
            titles={{
              403: 'You are not allowed to start a sweep',
              409: 'A sweep is already running',
            }}
          />
        </div>
      )}
    </div>
  );
}
