import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  ANNOTATION_ACCOUNT_ID,
  ANNOTATION_STAGE_ARN,
  StageStatus,
  SweepStatus,
  UnclaimedResponse,
  UnclaimedStage,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { apiGatewayLoggingApiRef } from '../../api/ApiGatewayLoggingApi';
import { useStageHistory } from '../../hooks/useHistory';
import { useTimeZone } from '../../hooks/useTimeZone';
import { useUrlTable } from '../../hooks/useUrlTable';
import { annotationsYaml } from '../../lib/annotations';
import {
  pageSizeOptions,
  readPage,
  readUnclaimedQuery,
  STAGE_STATUSES,
  writePage,
} from '../../lib/coverageQuery';
import { problemText } from '../../lib/problems';
import { TABLE_OPTIONS, withIds } from '../../lib/tables';
import { plural } from '../../lib/text';
import { Breakable } from '../Breakable';
import { STAGE_STATUS_LABELS, StageStatusLabel } from '../CheckStatus';
import { ClampedText } from '../ClampedText';
import { CodeBlock } from '../CodeBlock';
import { ErrorState } from '../ErrorState';
import { FindingChips } from '../FindingChips';
import { FilterRow, Picker, SearchField } from '../CoverageFilters';
import { StageTimeline } from '../StageTimeline';
import { REMOTE_TABLE_COMPONENTS } from '../TableLoading';

type Row = UnclaimedStage & { id: string };

const useStyles = makeStyles(theme => ({
  below: { marginTop: theme.spacing(0.5) },
  arn: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    overflowWrap: 'anywhere',
  },
  block: { marginTop: theme.spacing(2) },
}));

/** Tags shown on a row at most; the rest are counted. */
const MAX_TAGS = 6;

const API_TYPE_LABELS = {
  REST: 'REST API',
  HTTP: 'HTTP API',
  WEBSOCKET: 'WebSocket API',
} as const;

/** The catalog-info YAML that claims a stage. */
export function claimYaml(stage: UnclaimedStage): string {
  return annotationsYaml([
    [ANNOTATION_STAGE_ARN, stage.arn],
    ...(stage.accountId
      ? [
          [
            ANNOTATION_ACCOUNT_ID,
            stage.accountId,
            'the account of the stage (not the default one)',
          ] as [string, string, string],
        ]
      : []),
  ]);
}

function StageCell(props: { stage: UnclaimedStage }) {
  const { stage } = props;
  const parts = [
    stage.apiName ?? stage.apiId,
    stage.apiType ? API_TYPE_LABELS[stage.apiType] : undefined,
  ].filter(Boolean);
  return (
    <>
      <Typography variant="body2">{stage.stageName}</Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {parts.join(' · ')}
      </Typography>
    </>
  );
}

function Compliance(props: { stage: UnclaimedStage }) {
  const { stage } = props;
  const classes = useStyles();
  if (stage.status === 'unreadable' || stage.problem) {
    return (
      <>
        <StageStatusLabel status="unreadable" />
        <ClampedText text={problemText(stage)} lines={2} />
      </>
    );
  }
  const findings = stage.checks.filter(
    c => c.status === 'fail' || c.status === 'warn',
  );
  return (
    <>
      <StageStatusLabel status={stage.status} />
      {findings.length > 0 && (
        <FindingChips
          className={classes.below}
          chips={findings.map(c => ({
            key: c.id,
            kind: c.status === 'fail' ? 'fail' : 'warn',
            label: c.title,
          }))}
        />
      )}
    </>
  );
}

function Tags(props: { tags: Record<string, string> }) {
  const classes = useStyles();
  const entries = Object.entries(props.tags);
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        no tags
      </Typography>
    );
  }
  const shown = entries.slice(0, MAX_TAGS);
  return (
    <FindingChips
      className={classes.below}
      chips={shown.map(([key, value]) => ({ key, label: `${key}=${value}` }))}
    >
      {entries.length > shown.length && (
        <Typography variant="caption" color="textSecondary">
          +{entries.length - shown.length} more
        </Typography>
      )}
    </FindingChips>
  );
}

/**
 * How to bring a stage into the catalog: the annotation to add, with the
 * stage's ARN, ready to copy; and what changed in the stage lately.
 */
function ClaimDialog(props: { stage: UnclaimedStage; onClose: () => void }) {
  const { stage, onClose } = props;
  const classes = useStyles();
  const { label } = useTimeZone();
  const history = useStageHistory({
    stage: stage.arn,
    account: stage.accountId,
  });
  const name = `${stage.stageName} of ${stage.apiName ?? stage.apiId}`;
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="agl-claim-title"
    >
      <DialogTitle id="agl-claim-title">
        Bring stage {name} into the catalog
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          Add this annotation to the catalog-info.yaml of the API (or Component)
          that serves this stage. Once the catalog has read it, the stage is
          counted in that entity's coverage, and its logging, failures and
          traces show in the entity's tab.
        </Typography>
        <CodeBlock text={claimYaml(stage)} copy />
        <Typography variant="caption" color="textSecondary" component="div">
          {stage.region} ·{' '}
          {stage.accountId ? `account ${stage.accountId}` : 'default account'} ·{' '}
          <Breakable text={stage.arn} />
        </Typography>
        <div className={classes.block}>
          <Typography variant="h6" component="h3" gutterBottom>
            Changes (times in {label})
          </Typography>
          {history.loading && <Progress aria-label="Loading the changes" />}
          {history.error && <ErrorState error={history.error} />}
          {history.value && <StageTimeline history={history.value} max={5} />}
        </div>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The stages of the swept accounts that no catalog entity claims, paged by
 * the backend, with their compliance and tags and, for each, the annotation
 * that brings it into the catalog. Search, status and page in the URL.
 */
export function UnclaimedStages(props: {
  /** A new value loads the page again (after a sweep). */
  refresh?: number;
  /** The sweep status each page carries, and the unfiltered total. */
  onPage?: (page: { sweep: SweepStatus; total?: number }) => void;
}) {
  const { refresh = 0, onPage } = props;
  const classes = useStyles();
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), {
    noSsr: true,
  });
  const api = useApi(apiGatewayLoggingApiRef);
  const [response, setResponse] = useState<UnclaimedResponse>();
  const [claiming, setClaiming] = useState<UnclaimedStage>();
  const table = useUrlTable<Row>({
    initialPage: params => readPage(params).page,
    toParams: (params, q) =>
      writePage(params, { page: q.page, size: q.pageSize }),
    load: async params => {
      const page = await api.getUnclaimed(readUnclaimedQuery(params));
      setResponse(page);
      const { search, status } = readUnclaimedQuery(params);
      onPage?.({
        sweep: page.sweep,
        total: search || status ? undefined : page.total,
      });
      return {
        rows: withIds(page.stages, s => `${s.accountId ?? ''}|${s.arn}`),
        total: page.total,
      };
    },
  });
  const query = readUnclaimedQuery(table.params);
  const columns = useMemo<TableColumn<Row>[]>(
    () => [
      {
        title: 'Stage',
        width: '190px',
        render: s => <StageCell stage={s} />,
      },
      {
        title: 'Region and account',
        width: '150px',
        render: s => (
          <>
            <Typography variant="body2">{s.region}</Typography>
            <Typography variant="caption" color="textSecondary">
              {s.accountId ? `account ${s.accountId}` : 'default account'}
            </Typography>
          </>
        ),
      },
      {
        title: wide ? 'Compliance' : 'Compliance and tags',
        render: s => (
          <>
            <Compliance stage={s} />
            {!wide && <Tags tags={s.tags} />}
          </>
        ),
      },
      // Hidden rather than left out when narrow: material-table keeps
      // columns by index.
      {
        title: 'Tags',
        hidden: !wide,
        width: '280px',
        render: s => <Tags tags={s.tags} />,
      },
      {
        title: 'Catalog',
        width: '100px',
        render: s => (
          <Button
            size="small"
            color="primary"
            variant="outlined"
            aria-label={`Claim stage ${s.stageName} of ${s.apiName ?? s.apiId}`}
            onClick={() => setClaiming(s)}
          >
            Claim
          </Button>
        ),
      },
    ],
    [wide],
  );
  return (
    <>
      <UnclaimedFilters query={query} />
      {table.error && (
        <div className={classes.block}>
          <ErrorState
            error={table.error}
            titles={{
              404: 'This backend does not list unclaimed stages yet',
            }}
          />
        </div>
      )}
      <div className={classes.block} hidden={!!table.error}>
        <Table<Row>
          key={`${table.key}-${refresh}`}
          title="Stages no entity claims"
          subtitle={
            response
              ? `${plural(
                  response.total,
                  'stage',
                )} in the swept accounts that no catalog entity names`
              : undefined
          }
          options={{
            ...TABLE_OPTIONS,
            paging: true,
            pageSize: query.limit,
            pageSizeOptions: pageSizeOptions(query.limit),
            tableLayout: 'fixed',
            emptyRowsWhenPaging: false,
          }}
          localization={{
            body: {
              emptyDataSourceMessage:
                'Every stage of the swept accounts is claimed by a catalog entity.',
            },
          }}
          columns={columns}
          data={table.data}
          components={REMOTE_TABLE_COMPONENTS}
        />
      </div>
      {claiming && (
        <ClaimDialog stage={claiming} onClose={() => setClaiming(undefined)} />
      )}
    </>
  );
}

/** Search and status of the unclaimed stages, written to the URL. */
function UnclaimedFilters(props: {
  query: ReturnType<typeof readUnclaimedQuery>;
}) {
  const { query } = props;
  const [params, setParams] = useSearchParams();
  const change = (key: string, value: string | undefined) => {
    const next = writePage(new URLSearchParams(params), {
      page: 0,
      size: query.limit,
    });
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <FilterRow>
      <SearchField
        id="agl-unclaimed-search"
        label="Search stages"
        value={query.search}
        onChange={v => change('search', v)}
      />
      <Picker
        id="agl-unclaimed-status"
        label="Status"
        value={query.status}
        allLabel="Any status"
        options={STAGE_STATUSES.map((s: StageStatus) => ({
          value: s,
          label: STAGE_STATUS_LABELS[s],
        }))}
        onChange={v => change('status', v)}
      />
    </FilterRow>
  );
}
