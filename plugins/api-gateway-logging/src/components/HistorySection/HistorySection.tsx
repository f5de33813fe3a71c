import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { HISTORY_DAYS, useEntityHistory } from '../../hooks/useHistory';
import { useTimeZone } from '../../hooks/useTimeZone';
import { stageLabel } from '../../lib/stages';
import { CoverageTrend } from '../CoverageTrend';
import { ErrorState } from '../ErrorState';
import { StageTimeline } from '../StageTimeline';

const useStyles = makeStyles(theme => ({
  stage: { '& + &': { marginTop: theme.spacing(2) } },
  stageName: { marginBottom: theme.spacing(1) },
}));

/**
 * The entity's logging over time: its coverage per day, and each stage's
 * changes ("Execution logging ERROR → OFF, between 13:00 and 14:00 on
 * 28 Nov, deployment abc123") in the chosen zone.
 */
export function HistorySection() {
  const classes = useStyles();
  const { entity } = useEntity();
  const { value, loading, error } = useEntityHistory();
  const { label } = useTimeZone();
  if (loading) return <Progress aria-label="Loading the history" />;
  if (error) {
    return (
      <InfoCard title="History">
        <ErrorState
          error={error}
          titles={{ 404: 'No history is recorded for this entity yet' }}
        />
      </InfoCard>
    );
  }
  if (!value) return null;
  const stages = value.stages.map(s => ({
    arn: s.stageArn,
    stageName: s.stageName,
  }));
  const name = entity.metadata.title ?? entity.metadata.name;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Coverage over time"
          subheader={`Last ${HISTORY_DAYS} days, from each sweep and re-check`}
        >
          <CoverageTrend days={value.coverage} of={name} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Changes"
          subheader={`What changed in each stage's logging, newest first; times in ${label}`}
        >
          {value.stages.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              No stage recorded yet.
            </Typography>
          )}
          {value.stages.map((history, i) => (
            <section key={history.stageArn} className={classes.stage}>
              <Typography
                variant="subtitle2"
                component="h3"
                className={classes.stageName}
              >
                {stageLabel(stages[i], stages)}
              </Typography>
              <StageTimeline history={history} max={5} />
            </section>
          ))}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
