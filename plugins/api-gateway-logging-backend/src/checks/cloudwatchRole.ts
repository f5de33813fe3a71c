import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { accountOf } from './support/remediation';
import { command } from './support/shell';

const ROLE = 'APIGatewayPushToCloudWatchLogs';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
});

/**
 * The account's CloudWatch Logs role (GetAccount `cloudwatchRoleArn`, set
 * separately in each region): without it, REST and WebSocket execution and
 * access logs are silently not written. HTTP APIs' access logs do not use it.
 */
export function checkCloudwatchRole(input: AuditInput): CheckOutcome {
  const { region, partition } = input.location;
  if (input.stage.apiType === 'HTTP') {
    return checkOutcome(
      'not-applicable',
      'HTTP APIs write access logs without the account role.',
      {
        apiType: 'HTTP',
      },
    );
  }
  if ('error' in input.account) {
    return checkOutcome('error', input.account.error, { region });
  }
  const roleArn = input.account.cloudwatchRoleArn;
  if (roleArn) {
    return checkOutcome(
      'pass',
      `API Gateway writes logs in ${region} with ${roleArn}.`,
      {
        region,
        cloudwatchRoleArn: roleArn,
      },
    );
  }
  const arn = `arn:${partition}:iam::${accountOf(input)}:role/${ROLE}`;
  return checkOutcome(
    'fail',
    `The account has no CloudWatch Logs role for API Gateway in ${region}: no execution or access log of this stage is written, whatever the stage says.`,
    { region, cloudwatchRoleArn: null },
    {
      summary: `Create a role trusted by apigateway.amazonaws.com with the AmazonAPIGatewayPushToCloudWatchLogs managed policy and set it as the account's CloudWatch role in ${region}.`,
      cli: [
        command(
          'aws',
          'iam',
          'create-role',
          '--role-name',
          ROLE,
          '--assume-role-policy-document',
          TRUST,
        ),
        command(
          'aws',
          'iam',
          'attach-role-policy',
          '--role-name',
          ROLE,
          '--policy-arn',
          `arn:${partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`,
        ),
        command(
          'aws',
          'apigateway',
          'update-account',
          '--patch-operations',
          `op=replace,path=/cloudwatchRoleArn,value=${arn}`,
          '--region',
          region,
        ),
      ],
      cloudFormation: 'AWS::ApiGateway::Account CloudWatchRoleArn',
      terraform: 'aws_api_gateway_account.cloudwatch_role_arn',
    },
  );
}

/** CloudWatch Logs role of the account: The region has an API Gateway CloudWatch Logs role (GetAccount cloudwatchRoleArn): without it REST and WebSocket stages write no execution or access logs, whatever the stage says. */
export const cloudwatchRoleCheck: AuditCheck = {
  id: 'cloudwatch-role',
  title: 'CloudWatch Logs role of the account',
  severity: 'high',
  description:
    'The region has an API Gateway CloudWatch Logs role (GetAccount cloudwatchRoleArn): without it REST and WebSocket stages write no execution or access logs, whatever the stage says.',
  reads: ['stage', 'account'],
  evaluate: checkCloudwatchRole,
};
