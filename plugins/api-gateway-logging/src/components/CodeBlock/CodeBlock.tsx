import { CopyTextButton } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.5, 0.5, 0.5, 1.5),
    marginBottom: theme.spacing(1),
  },
  code: {
    flex: 1,
    margin: theme.spacing(1, 0),
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: '0.8125rem',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
}));

/** Monospace text that wraps, with an optional copy button. */
export function CodeBlock(props: { text: string; copy?: boolean }) {
  const { text, copy = false } = props;
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <pre className={classes.code}>{text}</pre>
      {copy && <CopyTextButton text={text} tooltipText="Copied" />}
    </div>
  );
}
