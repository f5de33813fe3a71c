import { useMemo } from 'react';
import {
  Link,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
  TableProps,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';
import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
  CoverageEntity,
  CoverageQuery,
  CoverageSort,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import { coveragePercent } from '../../lib/checks';
import { checkStatuses, oldestCheck } from '../../lib/coverage';
import { pageSizeOptions } from '../../lib/coverageQuery';
import { shortRef } from '../../lib/entityRefs';
import { isUnreadable, problemText } from '../../lib/problems';
import { TABLE_OPTIONS } from '../../lib/tables';
import { plural } from '../../lib/text';
import { formatAge, formatMinute } from '../../lib/time';
import { CheckStatus } from '../CheckStatus';
import { ClampedText } from '../ClampedText';
import { FindingChips } from '../FindingChips';
import { REMOTE_TABLE_COMPONENTS } from '../TableLoading';

/** A table row: material-table keeps row state by a unique `id`. */
export type CoverageRow = CoverageEntity & { id: string };

const useStyles = makeStyles(theme => ({
  findings: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    minWidth: 0,
  },
  coverage: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
  bar: { width: 64, height: 6, borderRadius: 3, flex: 'none' },
  nowrap: { whiteSpace: 'nowrap' },
}));

function EntityLink(props: { entity: CoverageEntity; showOwner: boolean }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const { entity, showOwner } = props;
  const ref = parseEntityRef(entity.entityRef);
  const to = `${entityRoute({
    namespace: ref.namespace,
    kind: ref.kind.toLocaleLowerCase('en-US'),
    name: ref.name,
  })}${entity.linked ? '/api-gateway-logging' : ''}`;
  const parts = [
    entity.kind,
    showOwner && entity.owner ? shortRef(entity.owner) : undefined,
    entity.stages.length > 0
      ? `${entity.stages.length === 1 ? 'stage' : 'stages'} ${entity.stages
          .map(s => s.stageName)
          .join(', ')}`
      : undefined,
  ].filter(Boolean);
  return (
    <>
      <Link to={to}>{entity.title ?? ref.name}</Link>
      <Typography variant="caption" color="textSecondary" component="div">
        {parts.join(' · ')}
      </Typography>
    </>
  );
}

function Owner(props: { entity: CoverageEntity }) {
  const { owner, system } = props.entity;
  return (
    <>
      <Typography variant="body2">
        {owner ? shortRef(owner) : 'no owner'}
      </Typography>
      {system && (
        <Typography variant="caption" color="textSecondary" component="div">
          {shortRef(system)}
        </Typography>
      )}
    </>
  );
}

function EntityStatus(props: { entity: CoverageEntity }) {
  const { entity } = props;
  const { checks } = entity.summary;
  if (!entity.linked) return <StatusAborted>Not linked</StatusAborted>;
  if (entity.error)
    return (
      <Tooltip title={entity.error}>
        <span>
          <StatusError>Cannot be audited</StatusError>
        </span>
      </Tooltip>
    );
  const unreadable = entity.stages.filter(isUnreadable);
  if (unreadable.length > 0 && unreadable.length === entity.stages.length)
    return <CheckStatus status="error" label="Could not be read" />;
  if (checks.fail > 0) return <StatusError>{checks.fail} failing</StatusError>;
  if (unreadable.length > 0)
    return (
      <CheckStatus
        status="error"
        label={`${plural(unreadable.length, 'stage')} not read`}
      />
    );
  if (checks.error > 0)
    return <CheckStatus status="error" label={`${checks.error} not checked`} />;
  if (checks.warn > 0)
    return <StatusWarning>{plural(checks.warn, 'warning')}</StatusWarning>;
  return <StatusOK>Compliant</StatusOK>;
}

function Findings(props: { entity: CoverageEntity }) {
  const { entity } = props;
  const classes = useStyles();
  if (!entity.linked) {
    return (
      <Typography variant="body2" color="textSecondary">
        No stage annotation: add {ANNOTATION_STAGE_ARN} or{' '}
        {ANNOTATION_STAGE_TAGS} (the tab shows how)
      </Typography>
    );
  }
  if (entity.error) {
    return <ClampedText text={entity.error} />;
  }
  const statuses = Object.entries(checkStatuses(entity)).filter(
    ([, s]) => s.status === 'fail' || s.status === 'warn',
  );
  const stageErrors = entity.stages.filter(s => isUnreadable(s) || s.error);
  const multiStage = entity.stages.length > 1;
  return (
    <div className={classes.findings}>
      {stageErrors.map(stage => (
        <ClampedText
          key={stage.arn}
          text={`${multiStage ? `${stage.stageName}: ` : ''}${problemText(
            stage,
          )}`}
        />
      ))}
      <FindingChips
        chips={statuses
          .sort(
            (a, b) =>
              (a[1].status === 'fail' ? -1 : 1) -
              (b[1].status === 'fail' ? -1 : 1),
          )
          .map(([id, s]) => ({
            key: id,
            kind: s.status === 'fail' ? 'fail' : 'warn',
            label: `${s.title}${multiStage ? ` (${s.stages.join(', ')})` : ''}`,
          }))}
      />
    </div>
  );
}

function Coverage(props: { entity: CoverageEntity }) {
  const classes = useStyles();
  const value = coveragePercent(props.entity.summary.checks);
  if (value === undefined) return null;
  return (
    <div className={classes.coverage}>
      <LinearProgress
        variant="determinate"
        value={value}
        aria-label={`${value}% of checks passing`}
        className={classes.bar}
        color={value === 100 ? 'primary' : 'secondary'}
      />
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.nowrap}
      >
        {value}% passing
      </Typography>
    </div>
  );
}

function Checked(props: { entity: CoverageEntity; caption?: boolean }) {
  const classes = useStyles();
  const variant = props.caption ? 'caption' : 'body2';
  const { zone, label } = useTimeZone();
  const at = oldestCheck(props.entity);
  if (at === undefined) {
    // Audited for this answer (no sweep yet), or nothing to check.
    return !props.caption || props.entity.stages.length > 0 ? (
      <Typography variant={variant} color="textSecondary" component="div">
        {props.caption && 'checked '}
        {props.entity.stages.length > 0 ? 'now' : '—'}
      </Typography>
    ) : null;
  }
  return (
    <Tooltip title={`${formatMinute(at, zone)} (${label})`}>
      <Typography
        variant={variant}
        color={props.caption ? 'textSecondary' : 'initial'}
        component="div"
        className={classes.nowrap}
      >
        {props.caption && 'checked '}
        {formatAge(at)}
      </Typography>
    </Tooltip>
  );
}

/**
 * The entities matching the coverage filters, one page at a time from the
 * backend (remote data), sorted by the backend on the column clicked;
 * under 1280 px wide, the owner goes under the entity's name and the age
 * under the status, so that the findings keep room.
 */
export function CoverageTable(props: {
  query: CoverageQuery;
  data: Extract<TableProps<CoverageRow>['data'], Function>;
  title: string;
}) {
  const { query, data, title } = props;
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'), {
    noSsr: true,
  });
  const columns = useMemo<TableColumn<CoverageRow>[]>(() => {
    const sorted = (sort: CoverageSort) =>
      query.sort === sort ? { defaultSort: query.order } : {};
    // The same columns at every width (the owner's hidden when narrow):
    // material-table keeps the sorted column by its index.
    return [
      {
        title: 'Entity',
        field: 'name',
        width: wide ? '220px' : '210px',
        ...sorted('name'),
        render: e => <EntityLink entity={e} showOwner={!wide} />,
      },
      {
        title: 'Owner',
        field: 'owner',
        hidden: !wide,
        width: '150px',
        ...sorted('owner'),
        render: e => <Owner entity={e} />,
      },
      {
        title: 'Status',
        field: 'failing',
        width: '170px',
        ...sorted('failing'),
        render: e => (
          <>
            <EntityStatus entity={e} />
            <Coverage entity={e} />
            {!wide && <Checked entity={e} caption />}
          </>
        ),
      },
      {
        title: 'Failing checks and warnings',
        sorting: false,
        render: e => <Findings entity={e} />,
      },
      {
        title: 'Checked',
        field: 'checked',
        hidden: !wide,
        width: '120px',
        ...sorted('checked'),
        render: e => <Checked entity={e} />,
      },
    ];
  }, [wide, query.sort, query.order]);
  const pageSize = query.limit ?? 50;
  return (
    <Table<CoverageRow>
      title={title}
      options={{
        ...TABLE_OPTIONS,
        sorting: true,
        // A new column sorts A to Z (then Z to A), as its arrow says.
        keepSortDirectionOnColumnSwitch: false,
        thirdSortClick: false,
        paging: true,
        pageSize,
        pageSizeOptions: pageSizeOptions(pageSize),
        tableLayout: 'fixed',
        emptyRowsWhenPaging: false,
      }}
      localization={{
        body: { emptyDataSourceMessage: 'No entity matches these filters.' },
      }}
      columns={columns}
      data={data}
      components={REMOTE_TABLE_COMPONENTS}
    />
  );
}
