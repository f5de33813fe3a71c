import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  logGroupArn,
  logsCommand,
  restUpdateStage,
  v2UpdateStage,
} from './support/remediation';

/** A format with the fields every check asks for, offered in remediations. */
export const SUGGESTED_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  errorMessage: '$context.error.message',
  errorResponseType: '$context.error.responseType',
  integrationError: '$context.integrationErrorMessage',
});

/** The commands that set a stage's access log destination and format. */
export function accessLogRemediationCli(
  input: AuditInput,
  destinationArn: string,
  format: string,
): string[] {
  if (input.stage.apiType === 'REST') {
    return [
      restUpdateStage(input, [
        { path: '/accessLogSettings/destinationArn', value: destinationArn },
        { path: '/accessLogSettings/format', value: format },
      ]),
    ];
  }
  return [
    v2UpdateStage(input, [
      '--access-log-settings',
      JSON.stringify({ DestinationArn: destinationArn, Format: format }),
    ]),
  ];
}

/** Where the IaC property lives, by API type. */
export function accessLogIac(
  input: AuditInput,
  field: 'DestinationArn' | 'Format',
) {
  const snake = field === 'DestinationArn' ? 'destination_arn' : 'format';
  return input.stage.apiType === 'REST'
    ? {
        cloudFormation: `AWS::ApiGateway::Stage AccessLogSetting.${field}`,
        terraform: `aws_api_gateway_stage.access_log_settings.${snake}`,
      }
    : {
        cloudFormation: `AWS::ApiGatewayV2::Stage AccessLogSettings.${field}`,
        terraform: `aws_apigatewayv2_stage.access_log_settings.${snake}`,
      };
}

/**
 * What the plugin can make of a destination it cannot read where it is: a
 * Firehose stream, or a log group in another region or account.
 */
function whereRead(input: AuditInput, destinationArn: string): string {
  const match = /^arn:[a-z-]+:([a-z]+):([a-z0-9-]*):(\d*):/.exec(
    destinationArn,
  );
  if (!match) return '';
  const [, service, region, account] = match;
  if (service === 'firehose') {
    return " The plugin reads CloudWatch Logs only, so this stage's failures and traces come from its execution logs alone: send a copy of the access logs to a log group to see them here.";
  }
  const elsewhere = [
    region !== input.location.region ? `region ${region}` : '',
    input.location.accountId && account !== input.location.accountId
      ? `account ${account}`
      : '',
  ].filter(Boolean);
  return elsewhere.length
    ? ` The group is in another ${elsewhere.join(
        ' and ',
      )}: the plugin reads it there${
        elsewhere.some(e => e.startsWith('account'))
          ? ", with that account's credentials (aws.accounts in app-config)"
          : ''
      }.`
    : '';
}

/**
 * Access logs must go somewhere (AWS Config
 * apigateway-stage-access-logs-enabled / api-gwv2-access-logs-enabled,
 * Security Hub APIGateway.9). Every API type has them.
 */
export function checkAccessLogging(input: AuditInput): CheckOutcome {
  const destinationArn = input.stage.accessLog?.destinationArn;
  if (destinationArn) {
    return checkOutcome(
      'pass',
      `Access logs go to ${destinationArn}.${whereRead(input, destinationArn)}`,
      { destinationArn },
    );
  }
  const group = `/aws/apigateway/${input.stage.apiId}/${input.stage.stageName}/access`;
  const target = logGroupArn(input, group);
  return checkOutcome(
    'fail',
    'Access logging is off: no request to this stage leaves a trace.',
    { destinationArn: null },
    {
      summary: `Create a log group (for example ${group}) and send the stage's access logs to it, in a format that includes $context.requestId and $context.status.`,
      cli: [
        logsCommand(input, 'create-log-group', group),
        ...accessLogRemediationCli(input, target, SUGGESTED_FORMAT),
      ],
      ...accessLogIac(input, 'DestinationArn'),
    },
  );
}

/** Access logging: The stage sends access logs somewhere (AWS Config apigateway-stage-access-logs-enabled, Security Hub APIGateway.9): without them no request leaves a trace. */
export const accessLoggingCheck: AuditCheck = {
  id: 'access-logging',
  title: 'Access logging',
  severity: 'high',
  description:
    'The stage sends access logs somewhere (AWS Config apigateway-stage-access-logs-enabled, Security Hub APIGateway.9): without them no request leaves a trace.',
  reads: ['stage'],
  evaluate: checkAccessLogging,
};
