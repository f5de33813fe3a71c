import { useState } from 'react';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  AuditCheckResult,
  CheckStatus as Status,
  StageAudit,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { compareChecks } from '../../lib/checks';
import { CheckStatus } from '../CheckStatus';
import { CheckDetails } from '../CheckDetails';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'grid',
    gridTemplateColumns: '150px minmax(180px, 260px) 1fr',
    alignItems: 'center',
    gap: theme.spacing(2),
    width: '100%',
  },
  title: { fontWeight: theme.typography.fontWeightMedium as number },
  message: { color: theme.palette.text.secondary },
  chips: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
  more: { padding: theme.spacing(1, 2) },
  arn: {
    display: 'block',
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    wordBreak: 'break-all',
  },
}));

const API_TYPE_LABELS = {
  REST: 'REST API',
  HTTP: 'HTTP API',
  WEBSOCKET: 'WebSocket API',
} as const;

function StageSubheader(props: { stage: StageAudit }) {
  const { stage } = props;
  const classes = useStyles();
  const parts = [
    stage.apiName,
    stage.apiType ? API_TYPE_LABELS[stage.apiType] : undefined,
    stage.region,
    stage.accountId ? `account ${stage.accountId}` : 'default account',
  ].filter(Boolean);
  return (
    <>
      <Typography variant="body2" color="textSecondary" component="div">
        {parts.join(' · ')}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        className={classes.arn}
      >
        {stage.arn}
      </Typography>
    </>
  );
}

/** Counts of the stage's checks by status, failures first. */
function StatusChips(props: { checks: AuditCheckResult[] }) {
  const classes = useStyles();
  const count = (status: Status) =>
    props.checks.filter(c => c.status === status).length;
  const chips: Array<[string, number, 'secondary' | 'default']> = [
    ['failing', count('fail'), 'secondary'],
    ['could not check', count('error'), 'secondary'],
    ['warnings', count('warn'), 'default'],
    ['passing', count('pass'), 'default'],
  ];
  return (
    <div className={classes.chips}>
      {chips
        .filter(([, n]) => n > 0)
        .map(([label, n, color]) => (
          <Chip
            key={label}
            size="small"
            color={color}
            variant={color === 'secondary' ? 'default' : 'outlined'}
            label={`${n} ${label}`}
          />
        ))}
    </div>
  );
}

function CheckRow(props: { check: AuditCheckResult }) {
  const { check } = props;
  const classes = useStyles();
  const open = check.status === 'fail' || check.status === 'error';
  return (
    <Accordion defaultExpanded={open} TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <div className={classes.summary}>
          <CheckStatus status={check.status} />
          <Typography variant="body2" className={classes.title}>
            {check.title}
            {check.status !== 'pass' && check.status !== 'not-applicable' && (
              <Typography variant="caption" color="textSecondary">
                {' '}
                · {check.severity} severity
              </Typography>
            )}
          </Typography>
          <Typography variant="body2" className={classes.message}>
            {check.message}
          </Typography>
        </div>
      </AccordionSummary>
      <AccordionDetails>
        <CheckDetails check={check} />
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * The audit of one stage: every check with its status, failures first;
 * failing checks open on their evidence and remediation.
 */
export function StageAuditCard(props: { stage: StageAudit }) {
  const { stage } = props;
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  const checks = [...stage.checks].sort(compareChecks);
  // Findings stay in view; passing and not-applicable checks fold away.
  const findings = checks.filter(
    c => c.status !== 'pass' && c.status !== 'not-applicable',
  );
  const others = checks.length - findings.length;
  const shown = showAll ? checks : findings;
  return (
    <InfoCard
      title={`Stage ${stage.stageName}`}
      subheader={<StageSubheader stage={stage} />}
      action={<StatusChips checks={stage.checks} />}
      noPadding
    >
      {stage.error && (
        <WarningPanel
          severity="error"
          title="This stage could not be read from AWS"
          message={stage.error}
        />
      )}
      {shown.map(check => (
        <CheckRow key={check.id} check={check} />
      ))}
      {others > 0 && (
        <div className={classes.more}>
          <Button
            size="small"
            color="primary"
            onClick={() => setShowAll(!showAll)}
          >
            {showAll
              ? 'Hide passing checks'
              : `Show ${others} passing or not applicable check${
                  others === 1 ? '' : 's'
                }`}
          </Button>
        </div>
      )}
    </InfoCard>
  );
}
