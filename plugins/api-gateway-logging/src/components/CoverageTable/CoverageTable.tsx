import {
  Link,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
  CoverageEntity,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { coveragePercent } from '../../lib/checks';
import { checkStatuses, CoverageGroup, shortRef } from '../../lib/coverage';
import { TABLE_OPTIONS, withIds } from '../../lib/tables';
import { plural } from '../../lib/text';
import { isUnreadable, whoCanFix } from '../../lib/problems';
import { CheckStatus } from '../CheckStatus';
import { ClampedText } from '../ClampedText';

/** A table row: material-table keeps row state by a unique `id`. */
type Row = CoverageEntity & { id: string };

const useStyles = makeStyles(theme => ({
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  fail: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  warn: { borderColor: theme.palette.warning.main },
  coverage: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
  bar: { width: 64, height: 6, borderRadius: 3, flex: 'none' },
}));

function EntityLink(props: { entity: CoverageEntity }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const { entity } = props;
  const ref = parseEntityRef(entity.entityRef);
  const to = `${entityRoute({
    namespace: ref.namespace,
    kind: ref.kind.toLocaleLowerCase('en-US'),
    name: ref.name,
  })}${entity.linked ? '/api-gateway-logging' : ''}`;
  return (
    <>
      <Link to={to}>{entity.title ?? ref.name}</Link>
      <Typography variant="caption" color="textSecondary" component="div">
        {entity.kind}
        {entity.stages.length > 0 &&
          ` · ${entity.stages.length === 1 ? 'stage' : 'stages'} ${entity.stages
            .map(s => s.stageName)
            .join(', ')}`}
      </Typography>
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
    <div className={classes.chips}>
      {stageErrors.map(stage => (
        <ClampedText
          key={stage.arn}
          text={`${multiStage ? `${stage.stageName}: ` : ''}${
            stage.problem?.message ?? stage.error ?? ''
          }${
            stage.problem
              ? ` Who can fix it: ${whoCanFix(
                  stage.problem.whoCanFix,
                  stage.accountId,
                )}`
              : ''
          }`}
        />
      ))}
      {statuses
        .sort(
          (a, b) =>
            (a[1].status === 'fail' ? -1 : 1) -
            (b[1].status === 'fail' ? -1 : 1),
        )
        .map(([id, s]) => (
          <Chip
            key={id}
            size="small"
            variant={s.status === 'fail' ? 'default' : 'outlined'}
            className={s.status === 'fail' ? classes.fail : classes.warn}
            label={`${s.title}${multiStage ? ` (${s.stages.join(', ')})` : ''}`}
          />
        ))}
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
        style={{ whiteSpace: 'nowrap' }}
      >
        {value}% passing
      </Typography>
    </div>
  );
}

/** The entities of one owner or system, failures first. */
export function CoverageTable(props: {
  group: CoverageGroup;
  groupBy: 'owner' | 'system';
}) {
  const { group } = props;
  // Three columns, so the findings keep room at 1024 px: the stages go
  // under the entity's name and the share of checks passing under its status.
  const columns: TableColumn<Row>[] = [
    {
      title: 'Entity',
      width: '200px',
      render: e => <EntityLink entity={e} />,
    },
    {
      title: 'Status',
      width: '190px',
      render: e => (
        <>
          <EntityStatus entity={e} />
          <Coverage entity={e} />
        </>
      ),
    },
    {
      title: 'Failing checks and warnings',
      render: e => <Findings entity={e} />,
    },
  ];
  const linked = group.entities.filter(e => e.linked);
  const totals = linked.reduce(
    (sum, e) => {
      for (const k of Object.keys(sum) as Array<keyof typeof sum>) {
        sum[k] += e.summary.checks[k];
      }
      return sum;
    },
    { pass: 0, fail: 0, warn: 0, error: 0, 'not-applicable': 0 },
  );
  const percent = coveragePercent(totals);
  return (
    <Table<Row>
      title={shortRef(group.key)}
      subtitle={`${plural(group.entities.length, 'entity', 'entities')}, ${
        linked.length
      } linked${
        percent === undefined ? '' : `, ${percent}% of checks passing`
      }`}
      options={{ ...TABLE_OPTIONS, paging: false, tableLayout: 'fixed' }}
      columns={columns}
      data={withIds(group.entities, e => e.entityRef)}
    />
  );
}
