import { AuditCheckResult } from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { AuditInput } from '../types';
import {
  methodSettingPath,
  restUpdateStage,
  v2UpdateStage,
} from '../remediation';
import { result } from '../result';
import { effectiveMethods, EffectiveMethod } from './methods';

const ID = 'data-trace';

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
  policy: AuditPolicy,
): AuditCheckResult {
  if (input.stage.apiType === 'HTTP') {
    return result(
      ID,
      'high',
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
    return result(
      ID,
      'high',
      'pass',
      'Full request/response data logging is off.',
      evidence,
    );
  }
  const where = tracing.map(m => m.label).join(', ');
  if (forbidden) {
    return result(
      ID,
      'high',
      'fail',
      `Full request/response data is logged for ${where}; the policy forbids it on this stage because payloads reach the logs.`,
      evidence,
      remediation(input, tracing),
    );
  }
  return result(
    ID,
    'medium',
    'warn',
    `Full request/response data is logged for ${where}; the policy allows it on this stage, but payloads reach the logs.`,
    evidence,
    remediation(input, tracing),
  );
}
