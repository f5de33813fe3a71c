import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import Typography from '@material-ui/core/Typography';
import { splitAnnotationExample } from '../../lib/annotations';
import { CodeBlock } from '../CodeBlock';

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

/** The message of an error from the backend, or of any error. */
export function errorMessage(error: Error): string {
  return error instanceof ResponseError
    ? error.body?.error?.message ?? error.message
    : error.message;
}

/**
 * Shows an error from the backend in full: its message says what is wrong
 * and what to do, so it must not be cut off (as ResponseErrorPanel's
 * summary line does). An annotation example in it is shown as YAML, one
 * ARN per line. Unknown errors keep the standard panel.
 */
export function ErrorState(props: {
  error: Error;
  /** Titles for this context, by status, over the generic ones. */
  titles?: Partial<Record<number, string>>;
  /** Rewrites the backend's message for this context. */
  rewrite?: (message: string) => string;
  /** Severities for this context, by status (an unknown is not an error). */
  severities?: Partial<Record<number, 'error' | 'warning' | 'info'>>;
}) {
  const { error, titles, rewrite = m => m, severities } = props;
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
  severity = severities?.[status!] ?? severity;
  const { prose, yaml } = splitAnnotationExample(rewrite(errorMessage(error)));
  return (
    <WarningPanel severity={severity} title={title} defaultExpanded>
      <div style={{ minWidth: 0, width: '100%' }}>
        <Typography
          variant="body2"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          gutterBottom={!!yaml}
        >
          {prose}
        </Typography>
        {yaml && (
          <>
            <Typography variant="body2" gutterBottom>
              For example, in the entity's catalog-info.yaml:
            </Typography>
            <CodeBlock text={yaml} copy />
          </>
        )}
      </div>
    </WarningPanel>
  );
}
