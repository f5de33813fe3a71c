import {
  Content,
  ContentHeader,
  Header,
  HeaderLabel,
  Link,
  Page,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { DateTime } from 'luxon';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { TraceQuery } from '../../api/ApiGatewayLoggingApi';
import { traceSearch as linkSearch } from '../../hooks/useTraceLink';
import { parseAround } from '../../lib/around';
import { parseStage } from '../../lib/stages';
import { traceRouteRef } from '../../routes';
import { TraceLinkActions } from '../TraceLinkActions';
import { TracePanel } from '../TracePanel';
import { TraceSearch, TraceSearchForm } from '../TraceSearchForm';

function EntityTabLink(props: { entityRef: string }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseEntityRef(props.entityRef);
  return (
    <Link
      to={`${entityRoute({
        namespace: ref.namespace,
        kind: ref.kind.toLocaleLowerCase('en-US'),
        name: ref.name,
      })}/api-gateway-logging`}
    >
      {props.entityRef}
    </Link>
  );
}

/**
 * One request's trace from a link: `/traces/:requestId?entity=&stage=&around=`.
 * Without an entity (or a request id), asks for it instead of failing.
 */
export function TracePage() {
  const { requestId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const traceRoute = useRouteRef(traceRouteRef);
  const entityRef = params.get('entity') ?? undefined;
  const stage = params.get('stage') ?? undefined;
  const around = parseAround(params.get('around'));
  const query: TraceQuery | undefined =
    requestId && entityRef
      ? { requestId, entityRef, stage, around }
      : undefined;

  const search = (s: TraceSearch) => {
    const aroundMs = s.around ? DateTime.fromISO(s.around) : undefined;
    navigate(
      `${traceRoute({ requestId: s.requestId })}${linkSearch({
        entityRef: s.entityRef,
        stageArn: stage,
        around: aroundMs?.isValid ? aroundMs.toMillis() : around,
      })}`,
    );
  };

  return (
    <Page themeId="tool">
      <Header
        title="Request trace"
        subtitle={
          requestId ?? 'Find one request in the execution and access logs'
        }
        type="API Gateway logging"
      >
        {entityRef && <HeaderLabel label="Entity" value={entityRef} />}
        {stage && (
          <HeaderLabel label="Stage" value={parseStage(stage).stageName} />
        )}
        {around !== undefined && (
          <HeaderLabel
            label="Around"
            value={DateTime.fromMillis(around).toFormat('yyyy-LL-dd HH:mm')}
          />
        )}
      </Header>
      <Content>
        {query ? (
          <>
            <ContentHeader title="Trace">
              <TraceLinkActions
                target={{ ...query, stageArn: stage }}
                showOpen={false}
              />
            </ContentHeader>
            <Grid container spacing={2}>
              <Grid item xs={12}>
                Logs of <EntityTabLink entityRef={query.entityRef} />
              </Grid>
              <Grid item xs={12}>
                <TracePanel query={query} />
              </Grid>
            </Grid>
          </>
        ) : (
          <TraceSearchForm
            initial={{
              requestId,
              entityRef,
              around:
                around !== undefined
                  ? DateTime.fromMillis(around).toFormat("yyyy-LL-dd'T'HH:mm")
                  : undefined,
            }}
            onSubmit={search}
          />
        )}
      </Content>
    </Page>
  );
}
