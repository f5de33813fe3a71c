import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  FailureCategory,
  FailureItem,
  FailuresResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  apiGatewayLoggingApiRef,
  TraceQuery,
} from '../../api/ApiGatewayLoggingApi';
import { useTimeZone } from '../../hooks/useTimeZone';
import { useTracesPermission } from '../../hooks/useTracesPermission';
import { CATEGORY_LABELS } from '../../lib/categories';
import {
  FailuresFilterValue,
  readFailureFilters,
  writeFailureFilters,
} from '../../lib/failureFilters';
import { logsUnreadable } from '../../lib/problems';
import { mergeStages, StageInfo } from '../../lib/stages';
import { plural } from '../../lib/text';
import { formatWindow, TIME_RANGES, windowOf } from '../../lib/time';
import { Breakable } from '../Breakable';
import { ErrorState } from '../ErrorState';
import { FailuresChart } from '../FailuresChart';
import { FailuresFilters } from '../FailuresFilters';
import {
  FailuresPageQuery,
  FailureRow,
  FailuresTable,
  toRow,
} from '../FailuresTable';
import { TraceDrawer } from '../TraceDrawer';

const useStyles = makeStyles(theme => ({
  block: { marginTop: theme.spacing(2) },
  mono: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
    overflowWrap: 'anywhere',
  },
}));

function Summary(props: {
  response: FailuresResponse;
  category?: FailureCategory;
}) {
  const { response, category } = props;
  const { zone, label } = useTimeZone();
  const count = `${response.total.toLocaleString()}${
    response.truncated ? '+' : ''
  }`;
  const window = `${formatWindow(response.from, response.to, zone)} (${label})`;
  return (
    <Typography variant="body2" color="textSecondary">
      {count} failed request{response.total === 1 ? '' : 's'}
      {category ? (
        <>
          {' '}
          of category <strong>{CATEGORY_LABELS[category]}</strong>
        </>
      ) : null}
      , {window}.{category ? ' The chart shows every category.' : ''}
    </Typography>
  );
}

function NothingFound(props: { response: FailuresResponse }) {
  const { response } = props;
  const classes = useStyles();
  const { zone, label } = useTimeZone();
  const groups = response.searched.flatMap(s => s.logGroupNames);
  return (
    <EmptyState
      missing="data"
      title="No failed requests in this window"
      description={
        <>
          Searched {formatWindow(response.from, response.to, zone)} ({label}) in{' '}
          {groups.length > 0 ? (
            <span className={classes.mono}>
              <Breakable text={groups.join(', ')} />
            </span>
          ) : (
            'no log group (no stage has logs to search)'
          )}
          . Try a longer time range, or check the logging compliance above: a
          stage that logs nothing has no failures to show.
        </>
      }
    />
  );
}

/**
 * What the table says when it has no row: nothing failed in the logs
 * searched, or, when some logs could not be read (the warning above says
 * which), that the rest had no failure; no "all clear" illustration then.
 */
function emptyContent(response: FailuresResponse | undefined) {
  if (!response) return null;
  if (response.errors.length === 0) return <NothingFound response={response} />;
  return (
    <Typography variant="body2" color="textSecondary">
      {logsUnreadable(response)
        ? 'No log could be read: failures are unknown.'
        : 'No failed request in the logs that could be read.'}
    </Typography>
  );
}

/** The failures listing of an entity, once the viewer may read it. */
function Failures(props: { entity: CompoundEntityRef; stages: StageInfo[] }) {
  const { entity } = props;
  const classes = useStyles();
  const api = useApi(apiGatewayLoggingApiRef);
  const [params, setParams] = useSearchParams();
  const [response, setResponse] = useState<FailuresResponse>();
  // The stages to filter by: those the annotations name and those searched
  // (stages selected by tags are known only from the backend's answer).
  const [searched, setSearched] = useState<StageInfo[]>([]);
  const stageKey = [...props.stages, ...searched].map(s => s.arn).join();
  const stages = useMemo(
    () => mergeStages(props.stages, searched),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stageKey],
  );
  const filters = readFailureFilters(params, stages);
  // A refresh (or a new filter) starts again from page one, up to now.
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<Error>();
  const [selected, setSelected] = useState<TraceQuery>();
  const cursors = useRef(new Map<string, string>());
  const filterKey = `${filters.range}|${filters.category}|${filters.stage}|${generation}`;
  // The window is fixed when the filters are chosen; the pages' cursors
  // keep it.
  const timeWindow = useMemo(
    () => windowOf(filters.range),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey],
  );

  const fetchPage = useCallback(
    async (query: FailuresPageQuery) => {
      if (query.page === 0) cursors.current.clear();
      const cursor = cursors.current.get(`${query.pageSize}:${query.page}`);
      try {
        const page = await api.getFailures(entity, {
          ...timeWindow,
          category: filters.category,
          stage: filters.stage,
          cursor: query.page === 0 ? undefined : cursor,
          limit: query.pageSize,
        });
        if (page.nextCursor) {
          cursors.current.set(
            `${query.pageSize}:${query.page + 1}`,
            page.nextCursor,
          );
        }
        setResponse(page);
        setSearched(prev => {
          const next = mergeStages(
            prev,
            page.searched.map(s => ({
              arn: s.stageArn,
              stageName: s.stageName,
            })),
          );
          return next.length === prev.length ? prev : next;
        });
        setError(undefined);
        return {
          data: page.items.map(toRow),
          page: query.page,
          totalCount: page.total,
        };
      } catch (e) {
        setError(e as Error);
        return { data: [] as FailureRow[], page: 0, totalCount: 0 };
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entity.kind, entity.namespace, entity.name, filterKey],
  );

  const change = (next: FailuresFilterValue) => {
    setResponse(undefined);
    setParams(writeFailureFilters(params, next, stages), {
      replace: true,
    });
  };
  const refresh = () => {
    setResponse(undefined);
    setGeneration(g => g + 1);
  };
  const entityRef = stringifyEntityRef(entity);
  const select = useCallback(
    (item: FailureItem) =>
      setSelected({
        requestId: item.requestId,
        entityRef,
        stage: item.stageArn,
        around: item.time,
      }),
    [entityRef],
  );
  const rangeLabel = TIME_RANGES.find(r => r.id === filters.range)?.label ?? '';

  return (
    <InfoCard
      title="Recent failures"
      subheader={`Failed requests from the execution and access logs, ${rangeLabel.toLowerCase()}`}
    >
      <FailuresFilters
        value={filters}
        stages={stages}
        onChange={change}
        onRefresh={refresh}
      />
      {error && (
        <div className={classes.block}>
          <ErrorState
            error={error}
            titles={{
              403: "You are not allowed to read this API's request logs",
              503: 'The logs could not be read: failures are unknown',
            }}
            severities={{ 503: 'warning' }}
          />
        </div>
      )}
      {response && response.errors.length > 0 && (
        <div className={classes.block}>
          <WarningPanel
            title={`${plural(
              response.errors.length,
              'stage',
            )} could not be read: the failures below are incomplete`}
            defaultExpanded
          >
            {response.errors.map(e => (
              <Typography
                key={`${e.stageArn}-${e.logGroupName}`}
                variant="body2"
                style={{ overflowWrap: 'anywhere' }}
              >
                <strong>
                  <Breakable text={e.logGroupName ?? e.stageArn} />
                </strong>
                : {e.message}
              </Typography>
            ))}
          </WarningPanel>
        </div>
      )}
      {response?.truncated && (
        <div className={classes.block}>
          <WarningPanel
            severity="info"
            title="Too many events to scan them all: the counts are a lower bound"
            message="Choose a shorter time range or one stage for exact numbers."
          />
        </div>
      )}
      {!response && !error && <Progress aria-label="Loading the failures" />}
      {response && response.total > 0 && (
        <>
          <div className={classes.block}>
            <Summary response={response} category={filters.category} />
          </div>
          <div className={classes.block}>
            <FailuresChart
              buckets={response.buckets}
              bucketMs={response.bucketMs}
              counts={response.counts}
            />
          </div>
        </>
      )}
      <div className={classes.block} hidden={!!error}>
        <FailuresTable
          key={filterKey}
          data={fetchPage}
          stages={stages}
          showStage={!filters.stage && stages.length > 1}
          onSelect={select}
          emptyContent={emptyContent(response)}
        />
      </div>
      <TraceDrawer
        query={selected}
        stages={stages}
        onClose={() => setSelected(undefined)}
      />
    </InfoCard>
  );
}

/**
 * Recent failures of an entity: a chart by category, a paged table, and a
 * trace per request. Hidden behind the traces.read permission, because
 * execution logs carry request data.
 */
export function FailuresSection(props: {
  entity: CompoundEntityRef;
  /** The stages the entity's annotations name (none for a tag query). */
  stages: StageInfo[];
}) {
  const entityRef = stringifyEntityRef(props.entity);
  const { loading, allowed } = useTracesPermission(entityRef);
  if (loading) return <Progress aria-label="Checking your permissions" />;
  if (!allowed) {
    return (
      <InfoCard title="Recent failures">
        <WarningPanel
          severity="info"
          title="You are not allowed to read this API's request logs"
          message="Failures and traces come from execution logs, which can carry request data; your Backstage permissions do not include them for this entity. Ask the API's owners or a Backstage admin for the api-gateway-logging.traces.read permission."
        />
      </InfoCard>
    );
  }
  return <Failures entity={props.entity} stages={props.stages} />;
}
