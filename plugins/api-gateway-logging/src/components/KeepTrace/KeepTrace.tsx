import { FormEvent, useState } from 'react';
import { Link } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import BookmarkIcon from '@material-ui/icons/Bookmark';
import BookmarkBorderIcon from '@material-ui/icons/BookmarkBorder';
import {
  KeptTraceInfo,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  apiGatewayLoggingApiRef,
  TraceQuery,
} from '../../api/ApiGatewayLoggingApi';
import { useTimeZone } from '../../hooks/useTimeZone';
import { shortRef } from '../../lib/entityRefs';
import { formatMinute } from '../../lib/time';
import { Breakable } from '../Breakable';
import { ErrorState } from '../ErrorState';

/** Whether a ticket URL can be kept: empty, or an http(s) URL. */
export function ticketUrlProblem(value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? undefined
      : 'The ticket link must start with https:// or http://';
  } catch {
    return 'This is not a link: paste the ticket address, https://…';
  }
}

/** `Kept by jane on 2026-11-30 14:02 (UTC) for INC-123`. */
export function KeptNote(props: { kept: KeptTraceInfo }) {
  const { kept } = props;
  const { zone, label } = useTimeZone();
  return (
    <Typography variant="body2" component="span">
      <BookmarkIcon
        fontSize="inherit"
        aria-hidden
        style={{ verticalAlign: 'text-bottom', marginRight: 4 }}
      />
      Kept by {shortRef(kept.by)} on {formatMinute(Date.parse(kept.at), zone)} (
      {label})
      {kept.ticketUrl && (
        <>
          {' '}
          for{' '}
          <Link
            to={kept.ticketUrl}
            target="_blank"
            rel="noopener noreferrer"
            // Told apart from the sentence by more than its colour.
            underline="always"
          >
            <Breakable text={kept.ticketUrl} />
          </Link>
        </>
      )}
    </Typography>
  );
}

function KeepDialog(props: {
  query: TraceQuery;
  stageName?: string;
  onClose: () => void;
  onKept: (response: TraceResponse) => void;
}) {
  const { query, stageName, onClose, onKept } = props;
  const api = useApi(apiGatewayLoggingApiRef);
  const alertApi = useApi(alertApiRef);
  const [ticketUrl, setTicketUrl] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const problem = ticketUrlProblem(ticketUrl);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(undefined);
    try {
      const response = await api.keepTrace(query.requestId, {
        entity: query.entityRef,
        // The stage the request was found in, by name as links name it.
        ...(query.stage ?? stageName
          ? { stage: query.stage ?? stageName }
          : {}),
        ...(query.around !== undefined
          ? { around: new Date(query.around).toISOString() }
          : {}),
        ...(ticketUrl.trim() ? { ticketUrl: ticketUrl.trim() } : {}),
      });
      onKept(response);
      alertApi.post({
        message: 'Trace kept: its link keeps working after the logs expire',
        severity: 'success',
        display: 'transient',
      });
      onClose();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="agl-keep-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="agl-keep-title">Keep this trace</DialogTitle>
        <DialogContent>
          <DialogContentText>
            A redacted copy of this trace is stored, so its link still works
            after CloudWatch deletes the logs (their retention). Your name and
            the time are shown with it.
          </DialogContentText>
          <TextField
            id="agl-keep-ticket"
            label="Ticket link (optional)"
            placeholder="https://tickets.example.com/INC-123"
            type="url"
            fullWidth
            value={ticketUrl}
            onChange={e => setTicketUrl(e.target.value)}
            onBlur={() => setTouched(true)}
            error={touched && !!problem}
            helperText={
              (touched && problem) ||
              'The incident or ticket this trace belongs to'
            }
          />
          {error && (
            <ErrorState
              error={error}
              titles={{
                403: 'You are not allowed to keep the traces of this API',
                404: 'The logs of this request are gone: it can no longer be kept',
              }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" color="primary" disabled={busy}>
            {busy ? 'Keeping…' : 'Keep'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * "Keep this trace" for an incident: stores it past log retention with an
 * optional ticket link. Once kept, nothing: {@link KeptNote} says who kept
 * it and when.
 */
export function KeepTrace(props: {
  query: TraceQuery;
  response: TraceResponse;
  onKept: (response: TraceResponse) => void;
}) {
  const { query, response, onKept } = props;
  const [open, setOpen] = useState(false);
  if (response.kept || response.source === 'kept') return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        startIcon={<BookmarkBorderIcon />}
        onClick={() => setOpen(true)}
      >
        Keep this trace
      </Button>
      {open && (
        <KeepDialog
          query={query}
          stageName={response.stageName}
          onClose={() => setOpen(false)}
          onKept={onKept}
        />
      )}
    </>
  );
}
