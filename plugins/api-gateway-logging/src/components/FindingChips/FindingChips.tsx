import { ReactNode } from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    minWidth: 0,
    // A long title or tag wraps inside its chip rather than overflow a
    // narrow column.
    '& .MuiChip-root': { maxWidth: '100%', height: 'auto', minHeight: 24 },
    '& .MuiChip-label': {
      whiteSpace: 'normal',
      overflowWrap: 'anywhere',
      padding: theme.spacing(0.25, 1),
    },
  },
  // The theme's secondary chip is too light for white text (WCAG AA).
  fail: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  warn: { borderColor: theme.palette.warning.main },
}));

/** One chip: a failing check (filled), a warning (outlined) or a plain label. */
export interface FindingChip {
  key: string;
  label: string;
  kind?: 'fail' | 'warn' | 'plain';
}

/**
 * Chips in a row that wraps: failing checks filled in the dark error red,
 * warnings outlined in the warning colour, plain labels (tags) outlined.
 */
export function FindingChips(props: {
  chips: FindingChip[];
  /** Shown after the chips, e.g. `+3 more`. */
  children?: ReactNode;
  className?: string;
}) {
  const { chips, children, className } = props;
  const classes = useStyles();
  return (
    <div className={`${classes.chips} ${className ?? ''}`}>
      {chips.map(chip => (
        <Chip
          key={chip.key}
          size="small"
          variant={chip.kind === 'fail' ? 'default' : 'outlined'}
          className={
            chip.kind === 'fail' || chip.kind === 'warn'
              ? classes[chip.kind]
              : undefined
          }
          label={chip.label}
        />
      ))}
      {children}
    </div>
  );
}
