import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import LinkIcon from '@material-ui/icons/Link';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { TraceLinkTarget, useTraceLink } from '../../hooks/useTraceLink';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
}));

/**
 * "Copy link" for a trace: a short, stable URL naming the entity, stage,
 * request id and time, which opens the same view for anyone allowed to see
 * it. Offered only once the trace was found.
 */
export function TraceLinkActions(props: {
  target: TraceLinkTarget;
  /** Also offer to open the trace page (not on the trace page itself). */
  showOpen?: boolean;
  /** More actions on the trace, after the link's. */
  children?: ReactNode;
}) {
  const { target, showOpen = true, children } = props;
  const classes = useStyles();
  const alertApi = useApi(alertApiRef);
  const [, copy] = useCopyToClipboard();
  const { path, url } = useTraceLink()(target);
  return (
    <div className={classes.root}>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        startIcon={<LinkIcon />}
        data-trace-link={url}
        onClick={() => {
          copy(url);
          alertApi.post({
            message: 'Link to this trace copied',
            severity: 'success',
            display: 'transient',
          });
        }}
      >
        Copy link
      </Button>
      {showOpen && (
        <Link to={path}>
          <OpenInNewIcon fontSize="inherit" aria-hidden /> Open as a page
        </Link>
      )}
      {children}
    </div>
  );
}
