import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import {
  CheckStatus as Status,
  StageStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { STATUS_LABELS } from '../../lib/checks';

const useStyles = makeStyles(theme => ({
  unknown: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.text.secondary,
  },
}));

/**
 * A check status as a coloured dot and its label. A check that could not
 * be evaluated is an unknown, not a failure: a neutral question mark.
 */
export function CheckStatus(props: { status: Status; label?: string }) {
  const { status, label = STATUS_LABELS[status] } = props;
  const classes = useStyles();
  switch (status) {
    case 'pass':
      return <StatusOK>{label}</StatusOK>;
    case 'warn':
      return <StatusWarning>{label}</StatusWarning>;
    case 'not-applicable':
      return <StatusAborted>{label}</StatusAborted>;
    case 'error':
      return (
        <span className={classes.unknown}>
          <HelpOutlineIcon fontSize="small" aria-hidden />
          {label}
        </span>
      );
    default:
      return <StatusError>{label}</StatusError>;
  }
}

/** How a person reads a stage's status at a glance. */
export const STAGE_STATUS_LABELS: Record<StageStatus, string> = {
  pass: 'Compliant',
  warn: 'Warnings',
  fail: 'Failing',
  error: 'Not all checked',
  unreadable: 'Could not be read',
};

/**
 * A stage's status (its worst check), drawn as a check status: a stage AWS
 * could not be read for is an unknown, with the neutral question mark.
 */
export function StageStatusLabel(props: {
  status: StageStatus;
  label?: string;
}) {
  const { status, label = STAGE_STATUS_LABELS[status] } = props;
  return (
    <CheckStatus
      status={status === 'unreadable' ? 'error' : status}
      label={label}
    />
  );
}
