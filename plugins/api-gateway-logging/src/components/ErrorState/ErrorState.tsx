import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import Typography from '@material-ui/core/Typography';

/** What a person should read for each status the backend answers with. */
const TITLES: Record<number, string> = {
  400: "The entity's API Gateway annotations cannot be used as written",
  401: 'Your session has expired; sign in again',
  403: 'You are not allowed to see this; ask the owners or a Backstage admin for access',
  404: 'Nothing found',
  429: 'AWS is throttling requests; try again in a minute',
  503: 'AWS could not be reached or refused the request',
  504: 'AWS did not answer in time; try again',
};

/**
 * Shows an error from the backend in full: its message says what is wrong
 * and what to do, so it must not be cut off (as ResponseErrorPanel's
 * summary line does). Unknown errors keep the standard panel.
 */
export function ErrorState(props: {
  error: Error;
  /** Titles for this context, by status, over the generic ones. */
  titles?: Partial<Record<number, string>>;
}) {
  const { error, titles } = props;
  const status =
    error instanceof ResponseError ? error.response.status : undefined;
  const title =
    status !== undefined ? titles?.[status] ?? TITLES[status] : undefined;
  if (!title) {
    return <ResponseErrorPanel error={error} />;
  }
  let severity: 'error' | 'warning' | 'info' = 'warning';
  if (status! >= 500) severity = 'error';
  else if (status === 404) severity = 'info';
  const message =
    error instanceof ResponseError ? error.body.error.message : error.message;
  return (
    <WarningPanel severity={severity} title={title} defaultExpanded>
      <Typography
        variant="body2"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {message}
      </Typography>
    </WarningPanel>
  );
}
