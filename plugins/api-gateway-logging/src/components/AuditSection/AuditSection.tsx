import { Progress, WarningPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import { DateTime } from 'luxon';
import { EntityAuditResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { useEntityAudit } from '../../hooks/useEntityAudit';
import { rankStatus } from '../../lib/checks';
import { isUnreadable } from '../../lib/problems';
import { plural } from '../../lib/text';
import { ErrorState } from '../ErrorState';
import { StageAuditCard } from '../StageAuditCard';

const useStyles = makeStyles(theme => ({
  heading: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
}));

/** Stages with failures first, then those that could not be read, then the rest. */
function sortStages(audit: EntityAuditResponse) {
  const worst = (s: EntityAuditResponse['stages'][number]) =>
    isUnreadable(s)
      ? -0.5
      : Math.min(4, ...s.checks.map(c => rankStatus(c.status)));
  return [...audit.stages].sort((a, b) => worst(a) - worst(b));
}

/** `2 stages: 1 with failing checks, 1 could not be read.` */
function summaryText(audit: EntityAuditResponse): string {
  const unreadable =
    audit.summary.unreadableStages ?? audit.stages.filter(isUnreadable).length;
  const parts = [`${audit.summary.failingStages} with failing checks`];
  if (unreadable > 0) parts.push(`${unreadable} could not be read`);
  return `${plural(audit.summary.stages, 'stage')}: ${parts.join(', ')}.`;
}

/** The audit's content, once loaded. */
export function AuditResult(props: { audit: EntityAuditResponse }) {
  const { audit } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          {summaryText(audit)} Read from AWS{' '}
          {DateTime.fromISO(audit.generatedAt).toRelative()}.
        </Typography>
      </Grid>
      {audit.discoveryErrors.map(e => (
        <Grid item xs={12} key={`${e.accountId}-${e.region}`}>
          <WarningPanel
            title={`Stages in ${
              e.accountId ? `account ${e.accountId}` : 'the default account'
            }, ${e.region} could not be searched: there may be more`}
            message={e.message}
          />
        </Grid>
      ))}
      {audit.stages.length === 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title="No stage found"
            message="No API Gateway stage matches the entity's annotations in the accounts and regions the plugin searches."
          />
        </Grid>
      )}
      {sortStages(audit).map(stage => (
        <Grid item xs={12} key={stage.arn}>
          <StageAuditCard stage={stage} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The logging compliance of the current entity's stages, with a refresh to
 * read AWS again after a setting was changed.
 */
export function AuditSection() {
  const classes = useStyles();
  const { value, loading, error, retry } = useEntityAudit();
  let body = null;
  if (loading) body = <Progress />;
  else if (error) body = <ErrorState error={error} />;
  else if (value) body = <AuditResult audit={value} />;
  return (
    <>
      <div className={classes.heading}>
        <Typography variant="h5" component="h2">
          Logging compliance
        </Typography>
        <Tooltip title="Read the stages' settings from AWS again">
          <span>
            <IconButton
              size="small"
              aria-label="Refresh the logging compliance"
              onClick={retry}
              disabled={loading}
            >
              <RefreshIcon />
            </IconButton>
          </span>
        </Tooltip>
      </div>
      {body}
    </>
  );
}
