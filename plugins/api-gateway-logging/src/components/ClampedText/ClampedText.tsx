import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  text: { overflowWrap: 'anywhere', lineHeight: 1.45 },
  clamped: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  toggle: { padding: 0, minWidth: 0, textTransform: 'none' },
});

/**
 * A long text (an AWS error message) in a narrow column: its first lines,
 * and a button to read it all, so it does not stretch the row.
 */
export function ClampedText(props: { text: string; lines?: number }) {
  const { text, lines = 3 } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  // About 60 characters a line in a table column: short texts need no button.
  const long = text.length > lines * 60;
  return (
    <div>
      <Typography
        variant="body2"
        className={`${classes.text} ${long && !open ? classes.clamped : ''}`}
        style={long && !open ? { WebkitLineClamp: lines } : undefined}
      >
        {text}
      </Typography>
      {long && (
        <Button
          size="small"
          color="primary"
          className={classes.toggle}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Show less' : 'Show all'}
        </Button>
      )}
    </div>
  );
}
