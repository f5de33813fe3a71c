import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import SearchIcon from '@material-ui/icons/Search';
import { DateTime } from 'luxon';
import {
  CoverageQuery,
  CoverageResponse,
  CoverageSort,
  SweepStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { apiGatewayLoggingApiRef } from '../../api/ApiGatewayLoggingApi';
import { HISTORY_DAYS, useCoverageHistory } from '../../hooks/useHistory';
import { useOwnersAndSystems } from '../../hooks/useOwnersAndSystems';
import { useUrlTable } from '../../hooks/useUrlTable';
import {
  defaultOrder,
  isFiltered,
  readCoverageQuery,
  readPage,
  writeCoverageQuery,
} from '../../lib/coverageQuery';
import { saveBlob } from '../../lib/download';
import { shortRef } from '../../lib/entityRefs';
import { withIds } from '../../lib/tables';
import { plural } from '../../lib/text';
import { traceSearchRouteRef } from '../../routes';
import { CoverageFilters } from '../CoverageFilters';
import { ChecksCoverage, CoverageSummary } from '../CoverageSummary';
import { CoverageRow, CoverageTable } from '../CoverageTable';
import { CoverageTrend } from '../CoverageTrend';
import { ErrorState } from '../ErrorState';
import { SweepStatusLine } from '../SweepStatusLine';
import { UnclaimedStages } from '../UnclaimedStages';

const useStyles = makeStyles(theme => ({
  tabs: { borderBottom: `1px solid ${theme.palette.divider}` },
}));

function CsvButton(props: { query: CoverageQuery }) {
  const api = useApi(apiGatewayLoggingApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await api.getCoverageCsv(props.query);
      saveBlob(
        blob,
        `api-gateway-logging-coverage-${DateTime.now().toFormat(
          'yyyy-LL-dd',
        )}.csv`,
      );
    } catch (e) {
      alertApi.post({
        message: `The CSV could not be downloaded: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<GetAppIcon />}
      disabled={busy}
      onClick={download}
    >
      {busy ? 'Preparing CSV…' : 'Download CSV'}
    </Button>
  );
}

/** Coverage over time of the fleet, or of the owner or system filtered on. */
function Trend(props: { query: CoverageQuery }) {
  const { owner, system } = props.query;
  const history = useCoverageHistory({ owner, system });
  const of =
    [owner, system]
      .filter((r): r is string => !!r)
      .map(shortRef)
      .join(', ') || 'the fleet';
  return (
    <InfoCard
      title={`Coverage over time: ${of}`}
      subheader={`Last ${HISTORY_DAYS} days`}
    >
      {history.loading && (
        <Progress aria-label="Loading the coverage history" />
      )}
      {history.error && (
        <ErrorState
          error={history.error}
          titles={{ 404: 'No coverage history is recorded yet' }}
        />
      )}
      {history.value && <CoverageTrend days={history.value.days} of={of} />}
    </InfoCard>
  );
}

/**
 * The catalog's entities: estate-wide tiles, the trend, the checks, and
 * one page of entities at a time, searched, filtered and sorted by the
 * backend; everything in the URL.
 */
function EntitiesView(props: {
  refresh: number;
  onReport: (report: CoverageResponse) => void;
  onShowUnclaimed: () => void;
}) {
  const { refresh, onReport, onShowUnclaimed } = props;
  const api = useApi(apiGatewayLoggingApiRef);
  const [report, setReport] = useState<CoverageResponse>();
  const catalogFacets = useOwnersAndSystems();
  const table = useUrlTable<CoverageRow>({
    initialPage: params => readPage(params).page,
    toParams: (params, q) => {
      const current = readCoverageQuery(params);
      const field = q.orderBy?.field as CoverageSort | undefined;
      const sort = field ?? current.sort;
      let order = current.order;
      if (field) order = q.orderDirection || defaultOrder(field);
      return writeCoverageQuery(params, {
        ...current,
        sort,
        order,
        offset: q.page * q.pageSize,
        limit: q.pageSize,
      });
    },
    load: async params => {
      const page = await api.getCoverage(readCoverageQuery(params));
      setReport(page);
      onReport(page);
      return {
        rows: withIds(page.entities, e => e.entityRef),
        total: page.total,
      };
    },
  });
  const [, setParams] = useSearchParams();
  const query = readCoverageQuery(table.params);
  const filtered = isFiltered(query);
  const seen = (
    pick: (e: CoverageResponse['entities'][0]) => string | undefined,
  ) => (report?.entities ?? []).map(pick).filter((v): v is string => !!v);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {report ? (
          <CoverageSummary report={report} onShowUnclaimed={onShowUnclaimed} />
        ) : (
          !table.error && <Progress aria-label="Loading the coverage" />
        )}
      </Grid>
      <Grid item xs={12} md={7}>
        <Trend query={query} />
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard
          title={filtered ? 'Checks, matching the filters' : 'Checks'}
          subheader="Stages passing each check, of those it applies to"
        >
          {report ? (
            <ChecksCoverage totals={report.matching} />
          ) : (
            <Progress aria-label="Loading the checks" />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <CoverageFilters
          query={query}
          owners={[
            ...(catalogFacets.value?.owners ?? []),
            ...seen(e => e.owner),
          ]}
          systems={[
            ...(catalogFacets.value?.systems ?? []),
            ...seen(e => e.system),
          ]}
          onChange={next =>
            setParams(writeCoverageQuery(table.params, next), {
              replace: true,
            })
          }
        />
      </Grid>
      {table.error && (
        <Grid item xs={12}>
          <ErrorState error={table.error} />
        </Grid>
      )}
      <Grid item xs={12} hidden={!!table.error}>
        <CoverageTable
          key={`${table.key}-${refresh}`}
          query={query}
          data={table.data}
          title={
            report
              ? `${plural(report.total, 'entity', 'entities')}${
                  filtered ? ' matching' : ''
                }`
              : 'Entities'
          }
        />
      </Grid>
    </Grid>
  );
}

type View = 'entities' | 'unclaimed';

/**
 * Logging coverage across the catalog: estate-wide numbers that can be
 * trusted, its trend, every API (and annotated Component) a page at a time,
 * and the stages no entity claims; how old the results are, and a sweep.
 */
export function CoveragePage() {
  const classes = useStyles();
  const [params, setParams] = useSearchParams();
  const view: View =
    params.get('tab') === 'unclaimed' ? 'unclaimed' : 'entities';
  const traceSearch = useRouteRef(traceSearchRouteRef);
  const [unclaimed, setUnclaimed] = useState<number>();
  const [sweep, setSweep] = useState<SweepStatus>();
  const [refresh, setRefresh] = useState(0);
  const onReport = useCallback((r: CoverageResponse) => {
    setUnclaimed(r.summary.unclaimedStages);
    setSweep(r.sweep);
  }, []);
  const onUnclaimedPage = useCallback(
    (page: { sweep: SweepStatus; total?: number }) => {
      setSweep(page.sweep);
      if (page.total !== undefined) setUnclaimed(page.total);
    },
    [],
  );
  const onSwept = useCallback(() => setRefresh(r => r + 1), []);
  // Each view has its own filters: a new view starts clean.
  const show = (next: View) =>
    setParams(next === 'unclaimed' ? { tab: 'unclaimed' } : {});

  return (
    <Page themeId="tool">
      <Header
        title="API Gateway logging"
        subtitle="Logging compliance of every API in the catalog"
      />
      <Content>
        <ContentHeader title="Coverage">
          <Button
            component={Link}
            to={traceSearch()}
            startIcon={<SearchIcon />}
            color="primary"
          >
            Find a request
          </Button>
          {view === 'entities' && (
            <CsvButton query={readCoverageQuery(params)} />
          )}
        </ContentHeader>
        <Grid container spacing={3}>
          {sweep && (
            <Grid item xs={12}>
              <SweepStatusLine sweep={sweep} onSwept={onSwept} />
            </Grid>
          )}
          <Grid item xs={12}>
            <Tabs
              value={view}
              onChange={(_e, v: View) => show(v)}
              indicatorColor="primary"
              textColor="primary"
              className={classes.tabs}
              aria-label="What to list"
            >
              <Tab
                value="entities"
                label="Catalog entities"
                id="agl-tab-entities"
                aria-controls="agl-panel"
              />
              <Tab
                value="unclaimed"
                label={`Unclaimed stages${
                  unclaimed !== undefined ? ` (${unclaimed})` : ''
                }`}
                id="agl-tab-unclaimed"
                aria-controls="agl-panel"
              />
            </Tabs>
          </Grid>
          <Grid
            item
            xs={12}
            id="agl-panel"
            role="tabpanel"
            aria-labelledby={`agl-tab-${view}`}
          >
            {view === 'entities' ? (
              <EntitiesView
                refresh={refresh}
                onReport={onReport}
                onShowUnclaimed={() => show('unclaimed')}
              />
            ) : (
              <UnclaimedStages refresh={refresh} onPage={onUnclaimedPage} />
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
