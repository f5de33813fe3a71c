import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  LoggingPolicy,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { restUpdateStage } from './support/remediation';

/**
 * X-Ray tracing of REST stages (AWS Config api-gw-xray-enabled, Security
 * Hub APIGateway.3). HTTP and WebSocket APIs do not support it.
 */
export function checkXrayTracing(
  input: AuditInput,
  policy: LoggingPolicy,
): CheckOutcome {
  if (input.stage.apiType !== 'REST') {
    return checkOutcome(
      'not-applicable',
      `${input.stage.apiType} APIs do not support X-Ray tracing.`,
      {
        apiType: input.stage.apiType,
      },
    );
  }
  const enabled = input.stage.tracingEnabled ?? false;
  if (enabled) {
    return checkOutcome('pass', 'X-Ray tracing is on.', {
      tracingEnabled: true,
    });
  }
  return {
    ...checkOutcome(
      policy.requireXrayTracing ? 'fail' : 'warn',
      'X-Ray tracing is off: a slow or failing request cannot be followed into its integration.',
      { tracingEnabled: false },
      {
        summary: 'Turn on X-Ray tracing on the stage.',
        cli: [
          restUpdateStage(input, [{ path: '/tracingEnabled', value: 'true' }]),
        ],
        cloudFormation: 'AWS::ApiGateway::Stage TracingEnabled',
        terraform: 'aws_api_gateway_stage.xray_tracing_enabled',
      },
    ),
    severity: policy.requireXrayTracing ? 'medium' : 'low',
  };
}

/** X-Ray tracing: REST stages trace requests with X-Ray (AWS Config api-gw-xray-enabled, Security Hub APIGateway.3); a warning unless the policy requires it. */
export const xrayTracingCheck: AuditCheck = {
  id: 'xray-tracing',
  title: 'X-Ray tracing',
  severity: 'low',
  description:
    'REST stages trace requests with X-Ray (AWS Config api-gw-xray-enabled, Security Hub APIGateway.3); a warning unless the policy requires it.',
  reads: ['stage'],
  evaluate: checkXrayTracing,
};
