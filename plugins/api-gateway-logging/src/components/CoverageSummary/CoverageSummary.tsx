import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CoverageResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { coveragePercent } from '../../lib/checks';
import { plural } from '../../lib/text';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(2), height: '100%' },
  value: { fontSize: '2rem', fontWeight: 500, lineHeight: 1.2 },
  bad: { color: theme.palette.error.main },
}));

function Tile(props: {
  label: string;
  value: string;
  detail: string;
  bad?: boolean;
}) {
  const classes = useStyles();
  return (
    <Paper variant="outlined" className={classes.tile}>
      <Typography variant="overline" color="textSecondary">
        {props.label}
      </Typography>
      <div className={`${classes.value} ${props.bad ? classes.bad : ''}`}>
        {props.value}
      </div>
      <Typography variant="body2" color="textSecondary">
        {props.detail}
      </Typography>
    </Paper>
  );
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;

/** Coverage across the catalog in four numbers. */
export function CoverageSummary(props: { report: CoverageResponse }) {
  const { summary } = props.report;
  const sum = (pick: (c: CoverageResponse['summary']['checks'][0]) => number) =>
    summary.checks.reduce((n, c) => n + pick(c), 0);
  const counts = {
    pass: sum(c => c.passing),
    fail: sum(c => c.failing),
    warn: sum(c => c.applicable - c.passing - c.failing),
    'not-applicable': 0,
    error: 0,
  };
  const withFailures = summary.failingStages;
  const unreadable = summary.unreadableStages;
  const checksPassing = coveragePercent(counts);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Linked to API Gateway"
          value={percent(summary.linked, summary.entities)}
          detail={`${summary.linked} of ${plural(
            summary.entities,
            'entity',
            'entities',
          )}; ${summary.notLinked} not linked`}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Checks passing"
          value={checksPassing === undefined ? '—' : `${checksPassing}%`}
          detail={`${counts.pass} passing, ${counts.fail} failing, ${plural(
            counts.warn,
            'warning',
          )} over ${plural(summary.stages, 'stage')}`}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Failing checks"
          value={String(counts.fail)}
          detail={
            withFailures > 0
              ? `In ${plural(
                  withFailures,
                  'stage',
                )}; each API's tab shows how to fix them`
              : 'No setting to change'
          }
          bad={counts.fail > 0}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        {/* Stages, not entities plus checks: unknown is counted apart. */}
        <Tile
          label="Stages not read"
          value={String(unreadable)}
          detail={`${plural(
            unreadable,
            'stage',
          )} AWS could not be read for; ${plural(
            summary.entitiesWithErrors,
            'entity',
            'entities',
          )} whose annotations cannot be used`}
        />
      </Grid>
    </Grid>
  );
}
