import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  Link,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import SearchIcon from '@material-ui/icons/Search';
import { DateTime } from 'luxon';
import {
  CHECK_STATUSES,
  CheckStatus,
  CoverageFilters as Filters,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { apiGatewayLoggingApiRef } from '../../api/ApiGatewayLoggingApi';
import { useCoverage } from '../../hooks/useCoverage';
import { GroupBy, groupEntities } from '../../lib/coverage';
import { saveBlob } from '../../lib/download';
import { traceSearchRouteRef } from '../../routes';
import { CoverageFilters } from '../CoverageFilters';
import { CoverageSummary } from '../CoverageSummary';
import { CoverageTable } from '../CoverageTable';
import { ErrorState } from '../ErrorState';

function readFilters(params: URLSearchParams): Filters {
  const check = params.get('check') ?? undefined;
  const status = params.get('status') ?? undefined;
  return {
    owner: params.get('owner') ?? undefined,
    system: params.get('system') ?? undefined,
    // Any check id: the backend knows its modules' checks, and says so
    // (400) for one it does not run.
    check: check && /^[a-z0-9][a-z0-9-]{0,62}$/.test(check) ? check : undefined,
    status: (CHECK_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as CheckStatus)
      : undefined,
  };
}

function writeParams(filters: Filters, groupBy: GroupBy): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  if (groupBy !== 'owner') params.set('groupBy', groupBy);
  return params;
}

/** Owners and systems seen so far, so a filter does not hide the others. */
function useSeen(values: Array<string | undefined> | undefined) {
  const [seen, setSeen] = useState<string[]>([]);
  const key = values?.join('|');
  useEffect(() => {
    if (!values) return;
    setSeen(prev => {
      const next = new Set(prev);
      values.forEach(v => v && next.add(v));
      return next.size === prev.length ? prev : [...next].sort();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return seen;
}

function CsvButton(props: { filters: Filters }) {
  const api = useApi(apiGatewayLoggingApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await api.getCoverageCsv(props.filters);
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
      Download CSV
    </Button>
  );
}

/**
 * Logging coverage across the catalog: every API (and annotated Component)
 * with its checks, grouped by owner or system, failures first.
 */
export function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const groupBy: GroupBy =
    params.get('groupBy') === 'system' ? 'system' : 'owner';
  const { value, loading, error } = useCoverage(filters);
  const owners = useSeen(value?.entities.map(e => e.owner));
  const systems = useSeen(value?.entities.map(e => e.system));
  const traceSearch = useRouteRef(traceSearchRouteRef);
  const setFilters = (next: Filters) =>
    setParams(writeParams(next, groupBy), { replace: true });

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
          <CsvButton filters={filters} />
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <CoverageFilters
              filters={filters}
              groupBy={groupBy}
              owners={[
                ...new Set([
                  ...owners,
                  ...(filters.owner ? [filters.owner] : []),
                ]),
              ]}
              systems={[
                ...new Set([
                  ...systems,
                  ...(filters.system ? [filters.system] : []),
                ]),
              ]}
              onChange={setFilters}
              onGroupBy={g =>
                setParams(writeParams(filters, g), { replace: true })
              }
            />
          </Grid>
          {loading && (
            <Grid item xs={12}>
              <Progress />
            </Grid>
          )}
          {error && (
            <Grid item xs={12}>
              <ErrorState error={error} />
            </Grid>
          )}
          {value && !loading && (
            <>
              <Grid item xs={12}>
                <CoverageSummary report={value} />
              </Grid>
              <Grid item xs={12}>
                <Typography variant="body2" color="textSecondary">
                  Read from AWS{' '}
                  {DateTime.fromISO(value.generatedAt).toRelative()}.
                  {value.entities.length === 0 &&
                    ' No entity matches these filters.'}
                </Typography>
              </Grid>
              {groupEntities(value.entities, groupBy).map(group => (
                <Grid item xs={12} key={group.key}>
                  <CoverageTable group={group} groupBy={groupBy} />
                </Grid>
              ))}
            </>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
