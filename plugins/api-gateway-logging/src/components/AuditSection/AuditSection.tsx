import { Progress, WarningPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { EntityAuditResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { useEntityAudit } from '../../hooks/useEntityAudit';
import { rankStatus } from '../../lib/checks';
import { ErrorState } from '../ErrorState';
import { StageAuditCard } from '../StageAuditCard';

/** Stages with the worst findings first. */
function sortStages(audit: EntityAuditResponse) {
  const worst = (s: EntityAuditResponse['stages'][number]) =>
    Math.min(4, ...s.checks.map(c => rankStatus(c.status)));
  return [...audit.stages].sort((a, b) => worst(a) - worst(b));
}

/** The audit's content, once loaded. */
export function AuditResult(props: { audit: EntityAuditResponse }) {
  const { audit } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          {audit.summary.stages} stage{audit.summary.stages === 1 ? '' : 's'},{' '}
          {audit.summary.failingStages} with failing checks. Read from AWS{' '}
          {DateTime.fromISO(audit.generatedAt).toRelative()}.
        </Typography>
      </Grid>
      {audit.discoveryErrors.map(e => (
        <Grid item xs={12} key={`${e.accountId}-${e.region}`}>
          <WarningPanel
            title={`Stages in ${e.accountId ?? 'the default account'}, ${
              e.region
            } could not be searched: there may be more`}
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

/** The logging compliance of the current entity's stages. */
export function AuditSection() {
  const { value, loading, error } = useEntityAudit();
  if (loading) return <Progress />;
  if (error) return <ErrorState error={error} />;
  return value ? <AuditResult audit={value} /> : null;
}
