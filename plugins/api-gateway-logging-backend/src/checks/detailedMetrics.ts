import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  LoggingPolicy,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { restUpdateStage, v2UpdateStage } from './support/remediation';

/**
 * Detailed (per-method / per-route) CloudWatch metrics (Checkov CKV2_AWS_4
 * pairs them with logging). A warning unless the policy requires them.
 */
export function checkDetailedMetrics(
  input: AuditInput,
  policy: LoggingPolicy,
): CheckOutcome {
  const enabled = input.stage.defaults?.metricsEnabled ?? false;
  const evidence = { metricsEnabled: enabled };
  if (enabled) {
    return checkOutcome(
      'pass',
      'Detailed CloudWatch metrics are on.',
      evidence,
    );
  }
  const rest = input.stage.apiType === 'REST';
  return {
    ...checkOutcome(
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
            terraform:
              'aws_api_gateway_method_settings.settings.metrics_enabled',
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
    ),
    severity: policy.requireDetailedMetrics ? 'medium' : 'low',
  };
}

/** Detailed CloudWatch metrics: Detailed CloudWatch metrics per method (Checkov CKV2_AWS_4); a warning unless the policy requires them. */
export const detailedMetricsCheck: AuditCheck = {
  id: 'detailed-metrics',
  title: 'Detailed CloudWatch metrics',
  severity: 'low',
  description:
    'Detailed CloudWatch metrics per method (Checkov CKV2_AWS_4); a warning unless the policy requires them.',
  reads: ['stage'],
  evaluate: checkDetailedMetrics,
};
