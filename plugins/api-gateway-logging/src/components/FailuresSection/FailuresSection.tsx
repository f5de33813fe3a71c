import { useMemo, useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
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
import { TraceQuery } from '../../api/ApiGatewayLoggingApi';
import { useFailures } from '../../hooks/useFailures';
import { useTracesPermission } from '../../hooks/useTracesPermission';
import { CATEGORY_LABELS } from '../../lib/categories';
import { formatWindow, TIME_RANGES, windowOf } from '../../lib/time';
import { ErrorState } from '../ErrorState';
import { FailuresChart } from '../FailuresChart';
import { FailuresFilters, FailuresFilterValue } from '../FailuresFilters';
import { FailuresTable } from '../FailuresTable';
import { TraceDrawer } from '../TraceDrawer';

/** Rows per page: enough to scan, few enough to render instantly. */
export const PAGE_SIZE = 50;

const useStyles = makeStyles(theme => ({
  block: { marginTop: theme.spacing(2) },
  mono: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
}));

function Summary(props: {
  response: FailuresResponse;
  category?: FailureCategory;
}) {
  const { response, category } = props;
  if (category) {
    // The backend's counts and buckets cover every category (the chart keeps
    // its context); the total is the filtered one.
    return (
      <Typography variant="body2" color="textSecondary">
        {response.total.toLocaleString()}
        {response.truncated ? '+' : ''} failed requests of category{' '}
        <strong>{CATEGORY_LABELS[category]}</strong>,{' '}
        {formatWindow(response.from, response.to)}. The chart shows every
        category.
      </Typography>
    );
  }
  const parts = Object.entries(response.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(
      ([c, n]) =>
        `${n} ${CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS] ?? c}`,
    );
  return (
    <Typography variant="body2" color="textSecondary">
      {response.total.toLocaleString()}
      {response.truncated ? '+' : ''} failed requests,{' '}
      {formatWindow(response.from, response.to)}
      {parts.length > 0 ? `: ${parts.join(', ')}` : ''}.
    </Typography>
  );
}

function NothingFound(props: { response: FailuresResponse }) {
  const { response } = props;
  const classes = useStyles();
  const groups = response.searched.flatMap(s => s.logGroupNames);
  return (
    <EmptyState
      missing="data"
      title="No failed requests in this window"
      description={
        <>
          Searched {formatWindow(response.from, response.to)} in{' '}
          {groups.length > 0 ? (
            <span className={classes.mono}>{groups.join(', ')}</span>
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

/** The failures listing of an entity, once the viewer may read it. */
function Failures(props: { entity: CompoundEntityRef; stageArns: string[] }) {
  const { entity } = props;
  const classes = useStyles();
  const [filters, setFilters] = useState<FailuresFilterValue>({ range: '1h' });
  const [timeWindow, setTimeWindow] = useState(() => windowOf('1h'));
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const [selected, setSelected] = useState<TraceQuery>();
  const page = cursors.length - 1;
  const { value, loading, error } = useFailures(entity, {
    ...timeWindow,
    category: filters.category,
    stage: filters.stage,
    cursor: cursors[page],
    limit: PAGE_SIZE,
  });
  // The stages to filter by: those the annotations name and those searched.
  const searched = value?.searched.map(s => s.stageArn);
  const stageArns = useMemo(
    () => [...new Set([...props.stageArns, ...(searched ?? [])])],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.stageArns, searched?.join()],
  );
  const restart = (next: FailuresFilterValue) => {
    setFilters(next);
    setTimeWindow(windowOf(next.range));
    setCursors([undefined]);
  };
  const entityRef = stringifyEntityRef(entity);
  const select = (item: FailureItem) =>
    setSelected({
      requestId: item.requestId,
      entityRef,
      stage: item.stageArn,
      around: item.time,
    });
  const rangeLabel = TIME_RANGES.find(r => r.id === filters.range)?.label ?? '';

  let body;
  if (error) {
    body = (
      <ErrorState
        error={error}
        titles={{
          403: "You are not allowed to read this API's request logs",
        }}
      />
    );
  } else if (!value) {
    body = <Progress />;
  } else if (value.total === 0 && value.items.length === 0) {
    body = <NothingFound response={value} />;
  } else {
    body = (
      <>
        <Summary response={value} category={filters.category} />
        <div className={classes.block}>
          <FailuresChart
            buckets={value.buckets}
            bucketMs={value.bucketMs}
            counts={value.counts}
          />
        </div>
        <div className={classes.block}>
          <FailuresTable
            items={value.items}
            stageArns={stageArns}
            loading={loading}
            onSelect={select}
            paging={{
              page,
              pageSize: PAGE_SIZE,
              total: value.total,
              hasNext: !!value.nextCursor,
              onPrevious: () => setCursors(c => c.slice(0, -1)),
              onNext: () => setCursors(c => [...c, value.nextCursor]),
            }}
          />
        </div>
      </>
    );
  }

  return (
    <InfoCard
      title="Recent failures"
      subheader={`Failed requests from the execution and access logs, ${rangeLabel.toLowerCase()}`}
    >
      <FailuresFilters
        value={filters}
        stageArns={stageArns}
        onChange={restart}
        onRefresh={() => restart(filters)}
      />
      {value && value.errors.length > 0 && (
        <div className={classes.block}>
          <WarningPanel
            title={`${value.errors.length} stage${
              value.errors.length === 1 ? '' : 's'
            } could not be read: the failures below are incomplete`}
            defaultExpanded
          >
            {value.errors.map(e => (
              <Typography
                key={`${e.stageArn}-${e.logGroupName}`}
                variant="body2"
              >
                <strong>{e.logGroupName ?? e.stageArn}</strong>: {e.message}
              </Typography>
            ))}
          </WarningPanel>
        </div>
      )}
      {value?.truncated && (
        <div className={classes.block}>
          <WarningPanel
            severity="info"
            title="Too many events to scan them all: the counts are a lower bound"
            message="Choose a shorter time range or one stage for exact numbers."
          />
        </div>
      )}
      <div className={classes.block}>{body}</div>
      <TraceDrawer query={selected} onClose={() => setSelected(undefined)} />
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
  stageArns: string[];
}) {
  const entityRef = stringifyEntityRef(props.entity);
  const { loading, allowed } = useTracesPermission(entityRef);
  if (loading) return <Progress />;
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
  return <Failures entity={props.entity} stageArns={props.stageArns} />;
}
