import { Progress, WarningPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityAuditResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityAudit } from '../../hooks/useEntityAudit';
import { useAuditRefreshPermission } from '../../hooks/useRefreshPermissions';
import { stageRank, stageStatus } from '../../lib/checks';
import { isUnreadable } from '../../lib/problems';
import { plural } from '../../lib/text';
import { formatAge } from '../../lib/time';
import { ErrorState } from '../ErrorState';
import { RecheckButton } from '../RecheckButton';
import { StageAuditCard } from '../StageAuditCard';

const useStyles = makeStyles(theme => ({
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
  },
}));

/** Stages with failures first, then those that could not be read, then the rest. */
function sortStages(audit: EntityAuditResponse) {
  return [...audit.stages].sort(
    (a, b) => stageRank(stageStatus(b)) - stageRank(stageStatus(a)),
  );
}

/**
 * How fresh the results are: the oldest stored result's age (a stage never
 * swept is audited live), e.g. `Checked 12 minutes ago (last sweep).`
 */
function freshness(audit: EntityAuditResponse): string {
  const stored = audit.stages.filter(s => s.source === 'stored' && s.checkedAt);
  if (stored.length === 0) {
    return `Read from AWS ${formatAge(Date.parse(audit.generatedAt))}.`;
  }
  const oldest = Math.min(...stored.map(s => Date.parse(s.checkedAt!)));
  const live = audit.stages.length - stored.length;
  return `Checked ${formatAge(oldest)} by the last sweep${
    live > 0 ? `; ${plural(live, 'stage')} never swept, read from AWS now` : ''
  }.`;
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
        <Typography variant="body2" color="textSecondary" role="status">
          {summaryText(audit)} {freshness(audit)}
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
 * The logging compliance of the current entity's stages, as the last sweep
 * stored it, with "Re-check now" to audit them live after a setting was
 * changed (for those allowed to).
 */
export function AuditSection(props: {
  audit: ReturnType<typeof useEntityAudit>;
}) {
  const classes = useStyles();
  const { entity } = useEntity();
  const permission = useAuditRefreshPermission(stringifyEntityRef(entity));
  const { value, loading, error, recheck, rechecking, recheckError } =
    props.audit;
  let body = null;
  if (loading) body = <Progress aria-label="Loading the compliance" />;
  else if (error) body = <ErrorState error={error} />;
  else if (value) body = <AuditResult audit={value} />;
  return (
    <>
      <div className={classes.heading}>
        <Typography variant="h5" component="h2">
          Logging compliance
        </Typography>
        <RecheckButton
          label="Re-check now"
          busyLabel="Re-checking…"
          busy={rechecking}
          onClick={() => recheck()}
          permission={permission}
          deniedReason="Re-checking reads AWS now and needs the api-gateway-logging.audit.refresh permission on this entity; these results are from the last sweep."
        />
      </div>
      {recheckError && (
        <ErrorState
          error={recheckError}
          titles={{
            403: 'You are not allowed to re-check these stages',
            429: 'These stages were re-checked a moment ago; try again in a minute',
          }}
        />
      )}
      {body}
    </>
  );
}
