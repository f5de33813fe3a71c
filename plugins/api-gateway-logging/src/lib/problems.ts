import {
  FailuresResponse,
  ProblemOwner,
  StageAudit,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** Whether AWS could not be read for a stage: unknown, not failing. */
export function isUnreadable(stage: StageAudit): boolean {
  return (
    stage.status === 'unreadable' ||
    !!stage.problem ||
    (!!stage.error && stage.checks.every(c => c.status === 'error'))
  );
}

/** Who can fix a stage that could not be read, as a person reads it. */
export function whoCanFix(owner: ProblemOwner | undefined, accountId?: string) {
  switch (owner) {
    case 'entity-owner':
      return "This entity's owners: its catalog annotations name a stage AWS does not have.";
    case 'backstage-admins':
      return "Your Backstage administrators: the plugin's AWS credentials or configuration.";
    case 'aws-account-admins':
      return `The administrators of ${
        accountId
          ? `AWS account ${accountId}`
          : "the plugin's default AWS account"
      }: a permission or a role the plugin uses.`;
    case 'retry-later':
      return 'Nobody: AWS throttled or failed the call. Try again in a few minutes.';
    default:
      return undefined;
  }
}

/** Why a stage could not be read, and who can fix it, in one text. */
export function problemText(stage: StageAudit): string {
  const fixer = whoCanFix(stage.problem?.whoCanFix, stage.accountId);
  return `${stage.problem?.message ?? stage.error ?? ''}${
    fixer ? ` Who can fix it: ${fixer}` : ''
  }`;
}

/** Whether no stage's logs could be read at all: failures are unknown. */
export function logsUnreadable(value: FailuresResponse): boolean {
  if (value.errors.length === 0) return false;
  const failing = new Set(value.errors.map(e => e.stageArn));
  return value.searched.every(s => failing.has(s.stageArn));
}
