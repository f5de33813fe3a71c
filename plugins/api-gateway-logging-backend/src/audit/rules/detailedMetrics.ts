import { AuditCheckResult } from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { AuditInput } from '../types';
import { restUpdateStage, v2UpdateStage } from '../remediation';
import { result } from '../result';

const ID = 'detailed-metrics';

/**
 * Detailed (per-method / per-route) CloudWatch metrics (Checkov CKV2_AWS_4
 * pairs them with logging). A warning unless the policy requires them.
 */
export function checkDetailedMetrics(
  input: AuditInput,
  policy: AuditPolicy,
): AuditCheckResult {
  const enabled = input.stage.defaults?.metricsEnabled ?? false;
  const evidence = { metricsEnabled: enabled };
  if (enabled) {
    return result(
      ID,
      'low',
      'pass',
      'Detailed CloudWatch metrics are on.',
      evidence,
    );
  }
  const rest = input.stage.apiType === 'REST';
  return result(
    ID,
    policy.requireDetailedMetrics ? 'medium' : 'low',
    policy.requireDetailedMetrics ? 'fail' : 'warn',
    'Detailed CloudWatch metrics are off: errors and latency cannot be told apart by method.',
    evidence,
    rest
      ? {
          summary: 'Turn on detailed metrics for every method (*/*).',
          cli: [
            restUpdateStage(input, [
              { path: '/*/*/metrics/enabled', value: 'true' },
            ]),
          ],
          cloudFormation:
            'AWS::ApiGateway::Stage MethodSettings[].MetricsEnabled',
          terraform: 'aws_api_gateway_method_settings.settings.metrics_enabled',
        }
      : {
          summary:
            'Turn on DetailedMetricsEnabled in the default route settings.',
          cli: [
            v2UpdateStage(input, [
              '--default-route-settings',
              'DetailedMetricsEnabled=true',
            ]),
          ],
          cloudFormation:
            'AWS::ApiGatewayV2::Stage DefaultRouteSettings.DetailedMetricsEnabled',
          terraform:
            'aws_apigatewayv2_stage.default_route_settings.detailed_metrics_enabled',
        },
  );
}
