import { AuditInput } from '@apigw-logging/plugin-api-gateway-logging-node';
import { command } from './shell';

const ACCOUNT_PLACEHOLDER = '<account-id>';

/** The stage's account id, or a placeholder the reader fills in. */
export function accountOf(input: AuditInput): string {
  return input.location.accountId ?? ACCOUNT_PLACEHOLDER;
}

/** One REST `update-stage` call applying JSON-patch operations. */
export function restUpdateStage(
  input: AuditInput,
  operations: Array<{ path: string; value: string }>,
): string {
  return command(
    'aws',
    'apigateway',
    'update-stage',
    '--rest-api-id',
    input.stage.apiId,
    '--stage-name',
    input.stage.stageName,
    '--patch-operations',
    ...operations.map(op => `op=replace,path=${op.path},value=${op.value}`),
    '--region',
    input.location.region,
  );
}

/** One HTTP/WebSocket `update-stage` call with the given options. */
export function v2UpdateStage(input: AuditInput, options: string[]): string {
  return command(
    'aws',
    'apigatewayv2',
    'update-stage',
    '--api-id',
    input.stage.apiId,
    '--stage-name',
    input.stage.stageName,
    ...options,
    '--region',
    input.location.region,
  );
}

/**
 * The patch path of one REST method setting: the methodSettings key as AWS
 * stores it (`*` + `/*` or `pets~1{id}/GET`), then the setting.
 */
export function methodSettingPath(key: string, setting: string): string {
  return `/${key}/${setting}`;
}

/** The ARN of a CloudWatch Logs group of the stage's account and region. */
export function logGroupArn(input: AuditInput, name: string): string {
  const { partition, region } = input.location;
  return `arn:${partition}:logs:${region}:${accountOf(
    input,
  )}:log-group:${name}`;
}

/** `aws logs ...` with the log group and region filled in. */
export function logsCommand(
  input: AuditInput,
  subcommand: string,
  logGroupName: string,
  ...options: string[]
): string {
  return command(
    'aws',
    'logs',
    subcommand,
    '--log-group-name',
    logGroupName,
    ...options,
    '--region',
    input.location.region,
  );
}
