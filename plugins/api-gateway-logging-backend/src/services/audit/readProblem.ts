import {
  ProblemOwner,
  ReadProblem,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AwsFailureKind,
  AwsReadError,
} from '@apigw-logging/plugin-api-gateway-logging-node';

// Who can act on each kind of failure: the entity's owners fix an
// annotation that names a stage that does not exist; the Backstage
// administrators own the backend's credentials, role policy and config; the
// AWS account's administrators own a role's trust policy; the rest passes.
const OWNER: Record<AwsFailureKind, ProblemOwner> = {
  'not-found': 'entity-owner',
  'access-denied': 'backstage-admins',
  credentials: 'backstage-admins',
  'assume-role': 'aws-account-admins',
  throttled: 'retry-later',
  timeout: 'retry-later',
  unreachable: 'retry-later',
  'server-error': 'retry-later',
  failed: 'backstage-admins',
};

/** The problem a failed read is, for a person: what happened and who can fix it. */
export function readProblem(error: unknown): ReadProblem {
  if (error instanceof AwsReadError) {
    return {
      kind: error.kind,
      message: error.message,
      whoCanFix: OWNER[error.kind],
    };
  }
  return {
    kind: 'failed',
    message: `Unexpected failure reading AWS: ${String(
      (error as Error)?.message ?? error,
    )}`,
    whoCanFix: 'backstage-admins',
  };
}

/** The message of a failed read. */
export function messageOf(error: unknown): string {
  return readProblem(error).message;
}
