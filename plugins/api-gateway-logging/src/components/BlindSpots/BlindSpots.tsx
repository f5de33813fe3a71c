import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { BlindSpot } from '../../lib/blindSpots';

const useStyles = makeStyles(theme => ({
  item: { marginTop: theme.spacing(1) },
}));

/** What the logs cannot show about this request, so gaps are not misread. */
export function BlindSpots(props: { spots: BlindSpot[] }) {
  const classes = useStyles();
  if (props.spots.length === 0) return null;
  return (
    <Alert severity="info" variant="outlined">
      <AlertTitle>What these logs cannot show</AlertTitle>
      {props.spots.map(spot => (
        <div key={spot.id} className={classes.item}>
          <Typography variant="body2">
            <strong>{spot.title}.</strong> {spot.text}
          </Typography>
        </div>
      ))}
    </Alert>
  );
}
