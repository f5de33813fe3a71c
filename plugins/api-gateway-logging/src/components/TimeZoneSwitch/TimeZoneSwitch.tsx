import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useTimeZone } from '../../hooks/useTimeZone';
import { TimeZoneChoice, zoneLabel } from '../../lib/time';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1) },
  button: {
    textTransform: 'none',
    padding: theme.spacing(0.25, 1),
    color: theme.palette.text.primary,
  },
}));

/**
 * Which zone the plugin's times are in, named, with a switch between the
 * viewer's zone and UTC. Every screen of the plugin follows the choice.
 */
export function TimeZoneSwitch() {
  const classes = useStyles();
  const { zone, setZone } = useTimeZone();
  return (
    <div className={classes.root} data-testid="time-zone-switch">
      <Typography variant="body2" color="textSecondary" aria-hidden>
        Times in
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={zone}
        aria-label="Time zone of the times shown"
        onChange={(_e, value: TimeZoneChoice | null) => value && setZone(value)}
      >
        <ToggleButton value="local" className={classes.button}>
          Local ({zoneLabel('local')})
        </ToggleButton>
        <ToggleButton value="utc" className={classes.button}>
          UTC
        </ToggleButton>
      </ToggleButtonGroup>
    </div>
  );
}
