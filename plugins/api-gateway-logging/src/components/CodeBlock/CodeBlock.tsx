import { CopyTextButton } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { formatCliCommand } from '../../lib/text';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    minWidth: 0,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.5, 0.5, 0.5, 1.5),
    marginBottom: theme.spacing(1),
  },
  code: {
    flex: 1,
    minWidth: 0,
    margin: theme.spacing(1, 0),
    paddingBottom: theme.spacing(0.5),
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: '0.8125rem',
    // Lines as written: a command or JSON that is wider than the card
    // scrolls instead of breaking inside a word.
    whiteSpace: 'pre',
    overflowX: 'auto',
  },
}));

/**
 * Monospace text, lines kept as written (wider ones scroll), with an
 * optional copy button. A `command` is laid out one option per line; the
 * copy button copies it as one line.
 */
export function CodeBlock(props: {
  text: string;
  copy?: boolean;
  command?: boolean;
}) {
  const { text, copy = false, command = false } = props;
  const classes = useStyles();
  return (
    <div className={classes.root}>
      {/* Focusable so a keyboard can scroll it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre className={classes.code} tabIndex={0}>
        {command ? formatCliCommand(text) : text}
      </pre>
      {copy && <CopyTextButton text={text} tooltipText="Copied" />}
    </div>
  );
}
