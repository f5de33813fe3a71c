import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { CheckStatus as Status } from '@apigw-logging/plugin-api-gateway-logging-common';
import { STATUS_LABELS } from '../../lib/checks';

/**
 * A check status as a coloured dot and its label (or only the label text of
 * `children` when given).
 */
export function CheckStatus(props: { status: Status; label?: string }) {
  const { status, label = STATUS_LABELS[status] } = props;
  switch (status) {
    case 'pass':
      return <StatusOK>{label}</StatusOK>;
    case 'warn':
      return <StatusWarning>{label}</StatusWarning>;
    case 'not-applicable':
      return <StatusAborted>{label}</StatusAborted>;
    default:
      return <StatusError>{label}</StatusError>;
  }
}
