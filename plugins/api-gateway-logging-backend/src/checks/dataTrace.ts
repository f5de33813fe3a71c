import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  LoggingPolicy,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  methodSettingPath,
  restUpdateStage,
  v2UpdateStage,
} from './support/remediation';
import { effectiveMethods, EffectiveMethod } from './support/methods';

function remediation(input: AuditInput, tracing: EffectiveMethod[]) {
  if (input.stage.apiType === 'REST') {
    return {
      summary:
        'Turn off "Log full requests/responses data" (dataTraceEnabled) on the stage and on every method override.',
      cli: [
        restUpdateStage(
          input,
          tracing.map(m => ({
            path: methodSettingPath(m.key, 'logging/dataTrace'),
            value: 'false',
          })),
        ),
      ],
      cloudFormation:
        'AWS::ApiGateway::Stage MethodSettings[].DataTraceEnabled',
      terraform: 'aws_api_gateway_method_settings.settings.data_trace_enabled',
    };
  }
  const routes = tracing.filter(m => m.key !== '*/*');
  const options = ['--default-route-settings', 'DataTraceEnabled=false'];
  if (routes.length) {
    options.push(
      '--route-settings',
      JSON.stringify(
        Object.fromEntries(
          routes.map(r => [r.key, { DataTraceEnabled: false }]),
        ),
      ),
    );
  }
  return {
    summary:
      'Turn off DataTraceEnabled in the default route settings and on every route override.',
    cli: [v2UpdateStage(input, options)],
    cloudFormation:
      'AWS::ApiGatewayV2::Stage DefaultRouteSettings.DataTraceEnabled',
    terraform:
      'aws_apigatewayv2_stage.default_route_settings.data_trace_enabled',
  };
}

/**
 * Full request/response logging writes payloads (tokens, personal data)
 * into the execution logs (Checkov CKV_AWS_276, cfn-nag CW4200). Forbidden
 * on the stages the policy names; elsewhere it is a warning.
 */
export function checkDataTrace(
  input: AuditInput,
  policy: LoggingPolicy,
): CheckOutcome {
  if (input.stage.apiType === 'HTTP') {
    return checkOutcome(
      'not-applicable',
      'HTTP APIs have no execution logs, so no data trace.',
      {
        apiType: 'HTTP',
      },
    );
  }
  const forbidden =
    policy.dataTraceForbiddenStages.includes('*') ||
    policy.dataTraceForbiddenStages.includes(input.stage.stageName);
  const tracing = effectiveMethods(input).filter(m => m.dataTraceEnabled);
  const evidence = {
    forbiddenOnThisStage: forbidden,
    methodsWithDataTrace: tracing.map(m => m.label),
  };
  if (tracing.length === 0) {
    return checkOutcome(
      'pass',
      'Full request/response data logging is off.',
      evidence,
    );
  }
  const where = tracing.map(m => m.label).join(', ');
  if (forbidden) {
    return checkOutcome(
      'fail',
      `Full request/response data is logged for ${where}; the policy forbids it on this stage because payloads reach the logs.`,
      evidence,
      remediation(input, tracing),
    );
  }
  return checkOutcome(
    'warn',
    `Full request/response data is logged for ${where}; the policy allows it on this stage, but payloads reach the logs.`,
    evidence,
    remediation(input, tracing),
  );
}

/** Full request/response data logging: Full request and response data logging is off where the policy forbids it (Checkov CKV_AWS_276, cfn-nag CW4200): it writes payloads, tokens and personal data to the logs. */
export const dataTraceCheck: AuditCheck = {
  id: 'data-trace',
  title: 'Full request/response data logging',
  severity: 'high',
  description:
    'Full request and response data logging is off where the policy forbids it (Checkov CKV_AWS_276, cfn-nag CW4200): it writes payloads, tokens and personal data to the logs.',
  reads: ['stage'],
  evaluate: checkDataTrace,
};
