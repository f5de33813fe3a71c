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
import { CoverageEntity } from '@apigw-logging/plugin-api-gateway-logging-common';
import { coveragePercent } from '../../lib/checks';
import { checkStatuses, CoverageGroup, shortRef } from '../../lib/coverage';

const useStyles = makeStyles(theme => ({
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  fail: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warn: { borderColor: theme.palette.warning.main },
  coverage: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  bar: { width: 80, height: 6, borderRadius: 3 },
  error: { wordBreak: 'break-word' },
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
  const stageErrors = entity.stages.filter(s => s.error);
  if (stageErrors.length > 0 && checks.pass + checks.fail + checks.warn === 0)
    return <StatusError>AWS could not be read</StatusError>;
  if (checks.fail > 0) return <StatusError>{checks.fail} failing</StatusError>;
  if (checks.error > 0)
    return <StatusError>{checks.error} not checked</StatusError>;
  if (checks.warn > 0)
    return <StatusWarning>{checks.warn} warnings</StatusWarning>;
  return <StatusOK>Compliant</StatusOK>;
}

function Findings(props: { entity: CoverageEntity }) {
  const { entity } = props;
  const classes = useStyles();
  if (!entity.linked) {
    return (
      <Typography variant="body2" color="textSecondary">
        No stage annotation: add aws.amazon.com/api-gateway-stage-arn
      </Typography>
    );
  }
  if (entity.error) {
    return (
      <Typography variant="body2" className={classes.error}>
        {entity.error}
      </Typography>
    );
  }
  const statuses = Object.entries(checkStatuses(entity)).filter(
    ([, s]) => s.status === 'fail' || s.status === 'warn',
  );
  const stageErrors = entity.stages.filter(s => s.error);
  const multiStage = entity.stages.length > 1;
  return (
    <div className={classes.chips}>
      {stageErrors.map(stage => (
        <Typography key={stage.arn} variant="body2" className={classes.error}>
          {multiStage ? `${stage.stageName}: ` : ''}
          {stage.error}
        </Typography>
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
  if (value === undefined) return <>—</>;
  return (
    <div className={classes.coverage}>
      <LinearProgress
        variant="determinate"
        value={value}
        className={classes.bar}
        color={value === 100 ? 'primary' : 'secondary'}
      />
      <span>{value}%</span>
    </div>
  );
}

/** The entities of one owner or system, failures first. */
export function CoverageTable(props: {
  group: CoverageGroup;
  groupBy: 'owner' | 'system';
}) {
  const { group } = props;
  const columns: TableColumn<CoverageEntity>[] = [
    {
      title: 'Entity',
      cellStyle: { minWidth: 200 },
      render: e => <EntityLink entity={e} />,
    },
    {
      title: 'Status',
      cellStyle: { minWidth: 190, whiteSpace: 'nowrap' },
      render: e => <EntityStatus entity={e} />,
    },
    {
      title: 'Stages',
      cellStyle: { minWidth: 120 },
      render: e =>
        e.stages.length === 0 ? '—' : e.stages.map(s => s.stageName).join(', '),
    },
    {
      title: 'Checks passing',
      cellStyle: { minWidth: 150, whiteSpace: 'nowrap' },
      render: e => <Coverage entity={e} />,
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
    <Table<CoverageEntity>
      title={shortRef(group.key)}
      subtitle={`${group.entities.length} entities, ${linked.length} linked${
        percent === undefined ? '' : `, ${percent}% of checks passing`
      }`}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        sorting: false,
        draggable: false,
      }}
      columns={columns}
      data={group.entities}
    />
  );
}
