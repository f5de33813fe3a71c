import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CoverageResponse,
  CoverageTotals,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { isFiltered } from '../../lib/coverageQuery';
import { plural } from '../../lib/text';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(2), height: '100%' },
  value: { fontSize: '2rem', fontWeight: 500, lineHeight: 1.2 },
  bad: { color: theme.palette.error.dark },
  matching: {
    marginTop: theme.spacing(1),
    paddingTop: theme.spacing(1),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  action: {
    padding: 0,
    border: 0,
    background: 'none',
    font: 'inherit',
    color: theme.palette.link,
    textDecoration: 'underline',
    cursor: 'pointer',
  },
  checks: { listStyle: 'none', margin: 0, padding: 0 },
  // The title and counts on a line, the bar under them: fits a narrow card.
  check: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gridTemplateAreas: '"title count" "bar bar"',
    alignItems: 'baseline',
    gap: theme.spacing(0.25, 2),
    padding: theme.spacing(0.5, 0),
    '& > :nth-child(1)': { gridArea: 'title' },
    '& > :nth-child(2)': { gridArea: 'bar' },
    '& > :nth-child(3)': { gridArea: 'count', whiteSpace: 'nowrap' },
  },
  bar: { height: 6, borderRadius: 3 },
}));

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;

function Tile(props: {
  label: string;
  value: string;
  detail: ReactNode;
  /** The same number over the entities matching the filters. */
  matching?: string;
  bad?: boolean;
}) {
  const classes = useStyles();
  return (
    <Paper variant="outlined" className={classes.tile}>
      <Typography variant="overline" color="textSecondary" component="h3">
        {props.label}
      </Typography>
      <div className={`${classes.value} ${props.bad ? classes.bad : ''}`}>
        {props.value}
      </div>
      <Typography variant="body2" color="textSecondary">
        {props.detail}
      </Typography>
      {props.matching && (
        <Typography variant="body2" className={classes.matching}>
          {props.matching}
        </Typography>
      )}
    </Paper>
  );
}

/** Readable stages: neither passing nor failing can be said of the others. */
const readable = (t: CoverageTotals) => t.stages - t.unreadableStages;

/**
 * The estate in a few numbers, from the backend's totals over unique stages
 * (a stage claimed by an API and its Component counts once): the whole
 * estate the viewer may see, and, when filtered, the entities matching
 * (every page, not the one shown). Stages that could not be read are
 * counted apart: unknown is neither passing nor failing.
 */
export function CoverageSummary(props: {
  report: CoverageResponse;
  onShowUnclaimed?: () => void;
}) {
  const { report, onShowUnclaimed } = props;
  const classes = useStyles();
  const { summary, matching } = report;
  const filtered = isFiltered(report.filters);
  const ofMatching = (text: string) =>
    filtered ? `Matching the filters: ${text}` : undefined;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Linked to API Gateway"
          value={percent(summary.linked, summary.entities)}
          detail={`${summary.linked.toLocaleString()} of ${plural(
            summary.entities,
            'entity',
            'entities',
          )}; ${summary.notLinked.toLocaleString()} not linked`}
          matching={ofMatching(
            `${matching.linked.toLocaleString()} of ${plural(
              matching.entities,
              'entity',
              'entities',
            )}`,
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Stages compliant"
          value={percent(summary.passingStages, readable(summary))}
          detail={`${summary.passingStages.toLocaleString()} of ${plural(
            readable(summary),
            'readable stage',
          )} pass every check; ${plural(
            summary.warningStages,
            'stage',
          )} with warnings only`}
          matching={ofMatching(
            `${percent(
              matching.passingStages,
              readable(matching),
            )} (${matching.passingStages.toLocaleString()} of ${plural(
              readable(matching),
              'stage',
            )})`,
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Stages failing"
          value={summary.failingStages.toLocaleString()}
          detail={
            summary.failingStages > 0
              ? 'With at least one failing check; each API’s tab shows how to fix them'
              : 'No setting to change'
          }
          matching={ofMatching(plural(matching.failingStages, 'stage'))}
          bad={summary.failingStages > 0}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <Tile
          label="Could not be read"
          value={summary.unreadableStages.toLocaleString()}
          detail={
            <>
              {plural(summary.unreadableStages, 'stage')} AWS could not be read
              for (unknown, not failing);{' '}
              {plural(summary.entitiesWithErrors, 'entity', 'entities')} whose
              annotations cannot be used
              {summary.unclaimedStages !== undefined && (
                <>
                  .{' '}
                  {onShowUnclaimed ? (
                    <button
                      type="button"
                      className={classes.action}
                      onClick={onShowUnclaimed}
                    >
                      {plural(summary.unclaimedStages, 'stage')} no entity
                      claims
                    </button>
                  ) : (
                    `${plural(
                      summary.unclaimedStages,
                      'stage',
                    )} no entity claims`
                  )}
                </>
              )}
            </>
          }
          matching={ofMatching(
            `${plural(matching.unreadableStages, 'stage')}, ${plural(
              matching.entitiesWithErrors,
              'entity',
              'entities',
            )}`,
          )}
        />
      </Grid>
    </Grid>
  );
}

/**
 * Each check over the stages counted (the filters' when filtered): how
 * many pass of those it applies to, and how many fail.
 */
export function ChecksCoverage(props: { totals: CoverageTotals }) {
  const classes = useStyles();
  const { checks } = props.totals;
  if (checks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No check applies to these stages.
      </Typography>
    );
  }
  return (
    <ul className={classes.checks} aria-label="Stages passing each check">
      {checks.map(check => {
        const value =
          check.applicable === 0
            ? 0
            : Math.round((check.passing / check.applicable) * 100);
        return (
          <li key={check.id} className={classes.check}>
            <Typography variant="body2">{check.title}</Typography>
            <LinearProgress
              variant="determinate"
              value={value}
              className={classes.bar}
              aria-label={`${check.title}: ${percent(
                check.passing,
                check.applicable,
              )} passing`}
            />
            <Typography variant="caption" color="textSecondary">
              {check.applicable === 0
                ? 'not applicable'
                : `${check.passing.toLocaleString()}/${check.applicable.toLocaleString()}${
                    check.failing > 0
                      ? `, ${check.failing.toLocaleString()} failing`
                      : ''
                  }`}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}
