import { AuditCheckResult } from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { AuditInput } from '../types';
import {
  restUpdateStage,
  methodSettingPath,
  v2UpdateStage,
} from '../remediation';
import { result } from '../result';
import { effectiveMethods, EffectiveMethod } from './methods';

const ID = 'execution-logging';

function remediation(
  input: AuditInput,
  failing: EffectiveMethod[],
  target: string,
) {
  if (input.stage.apiType === 'REST') {
    return {
      summary: `Set the logging level to ${target} on every method: the stage default (*/*) and each override that is below it.`,
      cli: [
        restUpdateStage(
          input,
          failing.map(m => ({
            path: methodSettingPath(m.key, 'logging/loglevel'),
            value: target,
          })),
        ),
      ],
      cloudFormation: 'AWS::ApiGateway::Stage MethodSettings[].LoggingLevel',
      terraform: 'aws_api_gateway_method_settings.settings.logging_level',
    };
  }
  const routes = failing.filter(m => m.key !== '*/*');
  const options = [`--default-route-settings`, `LoggingLevel=${target}`];
  if (routes.length) {
    options.push(
      '--route-settings',
      JSON.stringify(
        Object.fromEntries(routes.map(r => [r.key, { LoggingLevel: target }])),
      ),
    );
  }
  return {
    summary: `Set the logging level to ${target} in the default route settings and on each route override below it.`,
    cli: [v2UpdateStage(input, options)],
    cloudFormation:
      'AWS::ApiGatewayV2::Stage DefaultRouteSettings.LoggingLevel',
    terraform: 'aws_apigatewayv2_stage.default_route_settings.logging_level',
  };
}

/**
 * Every method's effective execution logging level must be one the policy
 * allows (AWS Config api-gw-execution-logging-enabled, Security Hub
 * APIGateway.1). HTTP APIs have no execution logs.
 */
export function checkExecutionLogging(
  input: AuditInput,
  policy: AuditPolicy,
): AuditCheckResult {
  if (input.stage.apiType === 'HTTP') {
    return result(
      ID,
      'high',
      'not-applicable',
      'HTTP APIs have no execution logs; access logs are their only logs.',
      {
        apiType: 'HTTP',
      },
    );
  }
  const allowed = policy.executionLoggingLevels.map(l => l.toUpperCase());
  const methods = effectiveMethods(input);
  const failing = methods.filter(m => !allowed.includes(m.loggingLevel));
  const evidence = {
    allowedLevels: allowed,
    effectiveLevels: Object.fromEntries(
      methods.map(m => [m.label, m.loggingLevel]),
    ),
  };
  if (failing.length === 0) {
    return result(
      ID,
      'high',
      'pass',
      `Every method logs at ${allowed.join(' or ')}.`,
      evidence,
    );
  }
  return result(
    ID,
    'high',
    'fail',
    `Execution logging is not at ${allowed.join(' or ')} for: ${failing
      .map(m => `${m.label} (${m.loggingLevel})`)
      .join(', ')}.`,
    { ...evidence, failingMethods: failing.map(m => m.label) },
    remediation(input, failing, allowed[0] ?? 'ERROR'),
  );
}
