import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
  FailureCategory,
  StageAudit,
  StageStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { useEntityAudit } from '../../hooks/useEntityAudit';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import { useFailures } from '../../hooks/useFailures';
import { useTracesPermission } from '../../hooks/useTracesPermission';
import { isApiGatewayLoggingAvailable } from '../../isApiGatewayLoggingAvailable';
import { stageStatus } from '../../lib/checks';
import { logsUnreadable } from '../../lib/problems';
import { plural } from '../../lib/text';
import { windowOf } from '../../lib/time';
import { CategoryLabel } from '../CategoryLabel';
import { CheckStatus, StageStatusLabel } from '../CheckStatus';
import { ErrorState } from '../ErrorState';

/** Categories the card lists by name; the rest are counted as "+N more". */
export const TOP_CATEGORIES = 4;

const useStyles = makeStyles(theme => ({
  heading: {
    fontWeight: theme.typography.fontWeightBold as number,
    marginTop: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    padding: theme.spacing(0.25, 0),
  },
  total: { fontSize: '1.75rem', fontWeight: 500, lineHeight: 1.2 },
}));

function StageLine(props: { stage: StageAudit }) {
  const { stage } = props;
  const classes = useStyles();
  const n = (s: string) => stage.checks.filter(c => c.status === s).length;
  // The backend's status of the stage (its worst check), in a few words.
  const status = stageStatus(stage);
  const labels: Record<StageStatus, string> = {
    fail: `${n('fail')} failing`,
    unreadable: 'could not be read',
    error: `${n('error')} not checked`,
    warn: plural(n('warn'), 'warning'),
    pass: 'compliant',
  };
  return (
    <div className={classes.row}>
      <Typography variant="body2">{stage.stageName}</Typography>
      <Typography variant="body2" component="span">
        <StageStatusLabel status={status} label={labels[status]} />
      </Typography>
    </div>
  );
}

function Compliance() {
  const classes = useStyles();
  const { value, loading, error } = useEntityAudit();
  return (
    <>
      <Typography variant="body2" className={classes.heading}>
        Logging compliance
      </Typography>
      {loading && <Progress aria-label="Loading the compliance" />}
      {error && <ErrorState error={error} />}
      {value?.stages.map(stage => (
        <StageLine key={stage.arn} stage={stage} />
      ))}
    </>
  );
}

function LastHourFailures(props: { entity: CompoundEntityRef }) {
  const classes = useStyles();
  const [window] = useState(() => windowOf('1h'));
  const { loading: checking, allowed } = useTracesPermission(
    stringifyEntityRef(props.entity),
  );
  const { value, loading, error } = useFailures(
    props.entity,
    { ...window, limit: 1 },
    allowed,
  );
  if (checking) return null;
  if (!allowed) {
    return (
      <Typography variant="body2" color="textSecondary">
        You may not read this API's request logs.
      </Typography>
    );
  }
  if (loading) return <Progress aria-label="Loading the failures" />;
  if (error) {
    return (
      <ErrorState
        error={error}
        titles={{ 503: 'Unknown: the logs could not be read' }}
        severities={{ 503: 'warning' }}
      />
    );
  }
  if (!value) return null;
  const present = (
    Object.entries(value.counts) as Array<[FailureCategory, number]>
  )
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  const top = present.slice(0, TOP_CATEGORIES);
  const rest = present.slice(TOP_CATEGORIES);
  const restCount = rest.reduce((sum, [, count]) => sum + count, 0);
  if (value.total === 0 && logsUnreadable(value)) {
    // Not "0 failed requests": nothing could be read, so nothing is known.
    return (
      <Typography variant="body2" component="div">
        <CheckStatus status="error" label="Unknown" />{' '}
        <Typography variant="body2" color="textSecondary" component="span">
          the logs of {plural(value.errors.length, 'stage')} could not be read;
          the tab says why.
        </Typography>
      </Typography>
    );
  }
  return (
    <>
      <div className={classes.total}>
        {value.total.toLocaleString()}
        {value.truncated ? '+' : ''}
      </div>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        failed request{value.total === 1 ? '' : 's'} in the last hour
        {value.errors.length > 0
          ? ` (${plural(value.errors.length, 'stage')} unreadable)`
          : ''}
      </Typography>
      {top.map(([category, count]) => (
        <div key={category} className={classes.row}>
          <Typography variant="body2">
            <CategoryLabel category={category} />
          </Typography>
          <Typography variant="body2">{count.toLocaleString()}</Typography>
        </div>
      ))}
      {rest.length > 0 && (
        <div className={classes.row}>
          <Typography variant="body2" color="textSecondary">
            +{rest.length} more {rest.length === 1 ? 'category' : 'categories'}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {restCount.toLocaleString()}
          </Typography>
        </div>
      )}
    </>
  );
}

/**
 * The overview card: the logging compliance of each stage at a glance and
 * the failures of the last hour, linking to the tab.
 *
 * @public
 */
export function EntityApiGatewayLoggingCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const ref = getCompoundEntityRef(entity);
  const tabLink = useEntityTabLink(ref);
  if (!isApiGatewayLoggingAvailable(entity)) {
    return (
      <InfoCard title="API Gateway logging">
        <Typography variant="body2">
          Not linked to API Gateway: add the <code>{ANNOTATION_STAGE_ARN}</code>{' '}
          or <code>{ANNOTATION_STAGE_TAGS}</code> annotation.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="API Gateway logging"
      deepLink={{ title: 'Compliance, failures and traces', link: tabLink }}
    >
      <Compliance />
      <Typography variant="body2" className={classes.heading}>
        Failures
      </Typography>
      <LastHourFailures entity={ref} />
    </InfoCard>
  );
}
