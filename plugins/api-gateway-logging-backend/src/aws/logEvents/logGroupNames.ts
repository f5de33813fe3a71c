import { InputError } from '@backstage/errors';
import { ANNOTATION_EXECUTION_LOG_GROUP } from '@apigw-logging/plugin-api-gateway-logging-common';
import { StageConfig } from '@apigw-logging/plugin-api-gateway-logging-node';
import { LogGroupAccess } from '../../config/readConfig';

/** The config key an operator lists allowed log groups under. */
export const ALLOWED_LOG_GROUPS_KEY =
  'apiGatewayLogging.allowedLogGroupPatterns';

/** The prefix shared by every stage's execution log group of one API. */
export function executionLogGroupPrefix(apiId: string): string {
  return `API-Gateway-Execution-Logs_${apiId}/`;
}

/** API Gateway's own name of a stage's execution log group. */
export function defaultExecutionLogGroup(stage: StageConfig): string {
  return `${executionLogGroupPrefix(stage.apiId)}${stage.stageName}`;
}

/** Whether `name` matches an operator's pattern (`*`: any run of characters). */
export function matchesLogGroupPattern(name: string, pattern: string): boolean {
  const parts = pattern
    .split('*')
    .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(name);
}

/**
 * The entity's annotation named a log group the operator did not allow: an
 * entity annotation must never widen what the plugin reads in AWS.
 */
export class LogGroupNotAllowedError extends InputError {}

/**
 * The execution log group of a stage: the operator's override for its ARN,
 * else the entity's annotation template (`{apiId}`, `{stage}` substituted)
 * when the result is the stage's own group or one the operator allows by
 * pattern, else API Gateway's default name. Anyone who can register an
 * entity sets annotations; only the operator widens what is read.
 */
export function executionLogGroupName(
  stage: StageConfig,
  arn: string,
  access: LogGroupAccess,
  template?: string,
): string {
  const configured = access.executionLogGroups.get(arn);
  if (configured) return configured;
  const own = defaultExecutionLogGroup(stage);
  if (!template) return own;
  const named = template
    .replace(/\{apiId\}/g, stage.apiId)
    .replace(/\{stage\}/g, stage.stageName);
  if (
    named === own ||
    access.allowedPatterns.some(p => matchesLogGroupPattern(named, p))
  ) {
    return named;
  }
  throw new LogGroupNotAllowedError(
    `The annotation ${ANNOTATION_EXECUTION_LOG_GROUP} names the log group ${JSON.stringify(
      named,
    )} for stage ${arn}, which the plugin may not read: it reads a stage's own execution log group (${own}), the access-log destination AWS reports for the stage, and the groups the Backstage administrators allow. Ask them to add a pattern matching it to ${ALLOWED_LOG_GROUPS_KEY} in app-config, or remove the annotation.`,
  );
}

/**
 * The log group an access-log destination ARN names, with its region and
 * account; undefined for a Firehose stream (no log group to read).
 */
export function parseLogGroupArn(
  arn: string,
): { name: string; region: string; accountId: string } | undefined {
  const match =
    /^arn:[a-z-]+:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(:\*)?$/.exec(arn);
  if (!match) return undefined;
  return { region: match[1], accountId: match[2], name: match[3] };
}
