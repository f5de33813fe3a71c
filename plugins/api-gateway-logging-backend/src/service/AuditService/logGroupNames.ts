import { StageConfig } from '../../audit/types';

/** The prefix shared by every stage's execution log group of one API. */
export function executionLogGroupPrefix(apiId: string): string {
  return `API-Gateway-Execution-Logs_${apiId}/`;
}

/**
 * The execution log group of a stage: the configured override for its ARN,
 * else the entity's annotation template (`{apiId}`, `{stage}` substituted),
 * else API Gateway's default name.
 */
export function executionLogGroupName(
  stage: StageConfig,
  arn: string,
  overrides: Map<string, string>,
  template?: string,
): string {
  const configured = overrides.get(arn);
  if (configured) return configured;
  if (template) {
    return template
      .replace(/\{apiId\}/g, stage.apiId)
      .replace(/\{stage\}/g, stage.stageName);
  }
  return `${executionLogGroupPrefix(stage.apiId)}${stage.stageName}`;
}

/**
 * The log group an access-log destination ARN names, with its region and
 * account; undefined for a Firehose stream (no log group to audit).
 */
export function parseLogGroupArn(
  arn: string,
): { name: string; region: string; accountId: string } | undefined {
  const match =
    /^arn:[a-z-]+:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(:\*)?$/.exec(arn);
  if (!match) return undefined;
  return { region: match[1], accountId: match[2], name: match[3] };
}
