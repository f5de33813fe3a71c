import { makeStyles, useTheme } from '@material-ui/core/styles';
import { FailureCategory } from '@apigw-logging/plugin-api-gateway-logging-common';
import { categoryColor, CATEGORY_LABELS } from '../../lib/categories';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', gap: 6 },
  swatch: {
    width: 10,
    height: 10,
    borderRadius: 2,
    flex: 'none',
    // The light colours (yellow, grey) keep an edge on a light background.
    boxShadow: `inset 0 0 0 1px ${theme.palette.divider}`,
  },
}));

/** A failure category's colour swatch, as in the chart, and its name. */
export function CategoryLabel(props: {
  category: FailureCategory;
  /** Shown after the name, e.g. a count. */
  suffix?: string;
}) {
  const { category, suffix } = props;
  const classes = useStyles();
  const theme = useTheme();
  return (
    <span className={classes.root}>
      <span
        className={classes.swatch}
        aria-hidden
        style={{ backgroundColor: categoryColor(category, theme.palette.type) }}
      />
      <span>
        {CATEGORY_LABELS[category] ?? category}
        {suffix}
      </span>
    </span>
  );
}
