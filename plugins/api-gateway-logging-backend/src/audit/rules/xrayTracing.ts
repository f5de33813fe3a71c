import { AuditCheckResult } from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { AuditInput } from '../types';
import { restUpdateStage } from '../remediation';
import { result } from '../result';

const ID = 'xray-tracing';

/**
 * X-Ray tracing of REST stages (AWS Config api-gw-xray-enabled, Security
 * Hub APIGateway.3). HTTP and WebSocket APIs do not support it.
 */
export function checkXrayTracing(
  input: AuditInput,
  policy: AuditPolicy,
): AuditCheckResult {
  if (input.stage.apiType !== 'REST') {
    return result(
      ID,
      'low',
      'not-applicable',
      `${input.stage.apiType} APIs do not support X-Ray tracing.`,
      {
        apiType: input.stage.apiType,
      },
    );
  }
  const enabled = input.stage.tracingEnabled ?? false;
  if (enabled) {
    return result(ID, 'low', 'pass', 'X-Ray tracing is on.', {
      tracingEnabled: true,
    });
  }
  return result(
    ID,
    policy.requireXrayTracing ? 'medium' : 'low',
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
  );
}
