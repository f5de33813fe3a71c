import {
  Content,
  Header,
  HeaderLabel,
  Link,
  Page,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { TraceQuery } from '../../api/ApiGatewayLoggingApi';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import { useEntityTitle } from '../../hooks/useEntityTitle';
import { useTimeZone } from '../../hooks/useTimeZone';
import { useTrace } from '../../hooks/useTrace';
import { traceSearch } from '../../hooks/useTraceLink';
import { parseAround } from '../../lib/around';
import { fullEntityRef } from '../../lib/entityRefs';
import { isStageArn } from '../../lib/stages';
import { formatMinute, TIME_RANGES } from '../../lib/time';
import { traceRouteRef } from '../../routes';
import { ErrorState } from '../ErrorState';
import { KeepTrace, KeptNote } from '../KeepTrace';
import { TraceLinkActions } from '../TraceLinkActions';
import {
  PartialSearch,
  rewriteTraceMessage,
  TRACE_ERROR_TITLES,
  TracePanel,
} from '../TracePanel';
import { TraceSearch, TraceSearchForm } from '../TraceSearchForm';
import { TimeZoneSwitch } from '../TimeZoneSwitch';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 3),
  },
  back: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  spacer: { flex: 1 },
}));

/** The smallest failures range of the tab that still holds a time. */
function rangeFor(around: number | undefined, now = Date.now()) {
  if (around === undefined) return undefined;
  const minutes = (now - around) / 60_000;
  return TIME_RANGES.find(r => r.minutes >= minutes)?.id;
}

/**
 * "Failures of Payments API": back to the API's tab, in the same window,
 * filtered on the stage (by name) and a time range that holds the request.
 */
function BackToFailures(props: {
  entityRef: string;
  title?: string;
  stageName?: string;
  around?: number;
}) {
  const { entityRef, title, stageName, around } = props;
  const classes = useStyles();
  const tab = useEntityTabLink(parseEntityRef(entityRef));
  const params = new URLSearchParams();
  const range = rangeFor(around);
  if (range && range !== '1h') params.set('range', range);
  if (stageName) params.set('stage', stageName);
  const search = params.toString();
  return (
    <Link to={`${tab}${search ? `?${search}` : ''}`} className={classes.back}>
      <ArrowBackIcon fontSize="small" aria-hidden />
      Failures of {title ?? parseEntityRef(entityRef).name}
    </Link>
  );
}

/** Errors after which the person should correct the id, the API or the time. */
const CORRECTABLE = [400, 404];

function TraceResult(props: {
  query: TraceQuery;
  state: ReturnType<typeof useTrace>;
  onSearch: (search: TraceSearch) => void;
}) {
  const { query, state, onSearch } = props;
  const { zone } = useTimeZone();
  const status =
    state.error instanceof ResponseError
      ? state.error.response.status
      : undefined;
  const notFound = state.value && !state.value.found;
  if (
    notFound ||
    (state.error && status !== undefined && CORRECTABLE.includes(status))
  ) {
    // The search form stays, filled in, so the id or the time can be
    // corrected in place.
    return (
      <TraceSearchForm
        title={TRACE_ERROR_TITLES[notFound ? 404 : (status as 400 | 404)]}
        initial={{
          requestId: query.requestId,
          entityRef: query.entityRef,
          around: query.around,
        }}
        onSubmit={onSearch}
      >
        {state.value && notFound ? (
          <PartialSearch response={state.value} />
        ) : (
          <ErrorState
            error={state.error!}
            titles={{
              400: 'The search could not be run',
              404: 'Where it looked',
            }}
            rewrite={message => rewriteTraceMessage(message, zone)}
          />
        )}
      </TraceSearchForm>
    );
  }
  return (
    <Grid container spacing={2}>
      {state.value?.found && (
        <Grid item xs={12}>
          <TraceLinkActions
            target={{
              ...query,
              // The link names the stage the request was found in.
              stage: query.stage ?? state.value.stageName,
            }}
            showOpen={false}
          >
            <KeepTrace
              query={query}
              response={state.value}
              onKept={state.replace}
            />
          </TraceLinkActions>
        </Grid>
      )}
      {/* A kept copy says so in its banner instead. */}
      {state.value?.kept && state.value.source !== 'kept' && (
        <Grid item xs={12}>
          <KeptNote kept={state.value.kept} />
        </Grid>
      )}
      <Grid item xs={12}>
        <TracePanel state={state} />
      </Grid>
    </Grid>
  );
}

/**
 * One request's trace from a link:
 * `/traces/:requestId?entity=payments-api&stage=prod&around=2025-11-30T01:17Z`
 * (the entity by name or full ref, the stage by name or ARN). Without an
 * entity (or a request id), asks for it instead of failing; when nothing is
 * found, the search form stays so the id or time can be corrected.
 */
export function TracePage() {
  const classes = useStyles();
  const { requestId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const traceRoute = useRouteRef(traceRouteRef);
  const { zone, label: zoneName } = useTimeZone();
  const entityParam = params.get('entity');
  const entityRef = entityParam ? fullEntityRef(entityParam) : undefined;
  const stageParam = params.get('stage') ?? undefined;
  const around = parseAround(params.get('around'));
  const title = useEntityTitle(entityRef);
  // The stage as the link names it (`prod` or an ARN): the backend reads both.
  const query: TraceQuery | undefined =
    requestId && entityRef
      ? { requestId, entityRef, stage: stageParam, around }
      : undefined;
  const state = useTrace(query);
  // The stage's name from the backend's answer; a name given in the link
  // until then (an ARN is not taken apart here).
  const stageName =
    state.value?.stageName ??
    (stageParam && !isStageArn(stageParam) ? stageParam : undefined);

  const search = (s: TraceSearch) =>
    navigate(
      `${traceRoute({ requestId: s.requestId })}${traceSearch({
        entityRef: s.entityRef,
        // Another API's stages are not this one's.
        stage: s.entityRef === entityRef ? stageParam : undefined,
        around: s.around,
      })}`,
    );

  let body;
  if (!requestId || !entityRef) {
    body = (
      <TraceSearchForm
        initial={{ requestId, entityRef, around }}
        onSubmit={search}
      />
    );
  } else if (query) {
    body = (
      <TraceResult
        // A new search starts afresh (its form keeps what was typed).
        key={`${query.requestId}|${query.entityRef}|${query.stage}|${query.around}`}
        query={query}
        state={state}
        onSearch={search}
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Request trace"
        subtitle={
          requestId ?? 'Find one request in the execution and access logs'
        }
        type="API Gateway logging"
      >
        {entityRef && (
          <HeaderLabel
            label="API"
            value={title ?? parseEntityRef(entityRef).name}
          />
        )}
        {stageName && <HeaderLabel label="Stage" value={stageName} />}
        {around !== undefined && (
          <HeaderLabel
            label={`Around (${zoneName})`}
            value={formatMinute(around, zone)}
          />
        )}
      </Header>
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12} className={classes.bar}>
            {entityRef && (
              <BackToFailures
                entityRef={entityRef}
                title={title}
                stageName={stageName}
                around={around}
              />
            )}
            <span className={classes.spacer} />
            <TimeZoneSwitch />
          </Grid>
          <Grid item xs={12}>
            {body}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
