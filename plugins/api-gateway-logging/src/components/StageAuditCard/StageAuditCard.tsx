import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import {
  AuditCheckResult,
  CheckStatus as Status,
  StageAudit,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { useTimeZone } from '../../hooks/useTimeZone';
import { compareChecks } from '../../lib/checks';
import { formatAge, formatMinute } from '../../lib/time';
import { isUnreadable, whoCanFix } from '../../lib/problems';
import { plural } from '../../lib/text';
import { Breakable } from '../Breakable';
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
  subheader: { display: 'flex', flexDirection: 'column', gap: 2 },
  arn: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    overflowWrap: 'anywhere',
  },
  unknown: {
    borderColor: theme.palette.warning.main,
    color: theme.palette.text.primary,
  },
  unreadable: {
    borderLeft: `4px solid ${theme.palette.warning.main}`,
    paddingLeft: theme.spacing(2),
  },
  icon: { verticalAlign: 'text-bottom', marginRight: theme.spacing(0.5) },
  problem: { overflowWrap: 'anywhere' },
  // The theme's secondary chip is too light for white text (WCAG AA).
  failing: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
}));

const API_TYPE_LABELS = {
  REST: 'REST API',
  HTTP: 'HTTP API',
  WEBSOCKET: 'WebSocket API',
} as const;

/** `Checked 12 minutes ago (2026-11-30 13:05 UTC) by the last sweep`. */
function Checked(props: { stage: StageAudit }) {
  const { stage } = props;
  const { zone, label } = useTimeZone();
  if (!stage.checkedAt) return null;
  const at = Date.parse(stage.checkedAt);
  return (
    <Typography variant="caption" color="textSecondary" component="span">
      Checked {formatAge(at)} ({formatMinute(at, zone)} {label})
      {stage.source === 'live' ? ', read from AWS now' : ' by the last sweep'}
    </Typography>
  );
}

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
    <span className={classes.subheader}>
      <Typography variant="body2" color="textSecondary" component="span">
        {parts.join(' · ')}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        component="span"
        className={classes.arn}
      >
        <Breakable text={stage.arn} />
      </Typography>
      <Checked stage={stage} />
    </span>
  );
}

/**
 * Counts of the stage's checks by status, failures first. A check that could
 * not be evaluated is an unknown, not a failure: a neutral chip with a
 * question mark, never the failing red.
 */
function StatusChips(props: { checks: AuditCheckResult[] }) {
  const classes = useStyles();
  const count = (status: Status) =>
    props.checks.filter(c => c.status === status).length;
  const failing = count('fail');
  const unknown = count('error');
  const warnings = count('warn');
  const passing = count('pass');
  return (
    <div className={classes.chips}>
      {failing > 0 && (
        <Chip
          size="small"
          className={classes.failing}
          label={`${failing} failing`}
        />
      )}
      {unknown > 0 && (
        <Chip
          size="small"
          variant="outlined"
          className={classes.unknown}
          icon={<HelpOutlineIcon />}
          label={`${unknown} could not be checked`}
        />
      )}
      {warnings > 0 && (
        <Chip
          size="small"
          variant="outlined"
          label={plural(warnings, 'warning')}
        />
      )}
      {passing > 0 && (
        <Chip size="small" variant="outlined" label={`${passing} passing`} />
      )}
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
 * A stage AWS could not be read for: one "could not read" state, neither
 * failing nor passing (no checks are listed, since none could run), with
 * AWS's message and who can fix it.
 */
function UnreadableStage(props: { stage: StageAudit }) {
  const { stage } = props;
  const classes = useStyles();
  const fixer = whoCanFix(stage.problem?.whoCanFix, stage.accountId);
  return (
    <div className={classes.unreadable}>
      <Typography variant="body2" className={classes.title} gutterBottom>
        <HelpOutlineIcon
          fontSize="small"
          className={classes.icon}
          aria-hidden
        />
        This stage could not be read from AWS: its logging is unknown, neither
        failing nor passing.
      </Typography>
      <Typography variant="body2" className={classes.problem} gutterBottom>
        {stage.problem?.message ?? stage.error}
      </Typography>
      {fixer && (
        <Typography variant="body2">
          <strong>Who can fix it:</strong> {fixer}
        </Typography>
      )}
    </div>
  );
}

/**
 * The audit of one stage: every check with its status, failures first;
 * failing checks open on their evidence and remediation. A stage AWS could
 * not be read for shows that alone.
 */
export function StageAuditCard(props: { stage: StageAudit }) {
  const { stage } = props;
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  if (isUnreadable(stage)) {
    return (
      <InfoCard
        title={`Stage ${stage.stageName}`}
        subheader={<StageSubheader stage={stage} />}
        action={
          <Chip
            size="small"
            variant="outlined"
            className={classes.unknown}
            icon={<HelpOutlineIcon />}
            label="could not be read"
          />
        }
      >
        <UnreadableStage stage={stage} />
      </InfoCard>
    );
  }
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
