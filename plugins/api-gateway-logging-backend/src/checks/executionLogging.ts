import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  LoggingPolicy,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  restUpdateStage,
  methodSettingPath,
  v2UpdateStage,
} from './support/remediation';
import { effectiveMethods, EffectiveMethod } from './support/methods';

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
  policy: LoggingPolicy,
): CheckOutcome {
  if (input.stage.apiType === 'HTTP') {
    return checkOutcome(
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
    return checkOutcome(
      'pass',
      `Every method logs at ${allowed.join(' or ')}.`,
      evidence,
    );
  }
  return checkOutcome(
    'fail',
    `Execution logging is not at ${allowed.join(' or ')} for: ${failing
      .map(m => `${m.label} (${m.loggingLevel})`)
      .join(', ')}.`,
    { ...evidence, failingMethods: failing.map(m => m.label) },
    remediation(input, failing, allowed[0] ?? 'ERROR'),
  );
}

/** Execution logging: Every method (or WebSocket route) logs at a level the policy allows (ERROR or INFO by default), so failures leave execution logs. As AWS Config api-gw-execution-logging-enabled and Security Hub APIGateway.1. Not applicable to HTTP APIs. */
export const executionLoggingCheck: AuditCheck = {
  id: 'execution-logging',
  title: 'Execution logging',
  severity: 'high',
  description:
    'Every method (or WebSocket route) logs at a level the policy allows (ERROR or INFO by default), so failures leave execution logs. As AWS Config api-gw-execution-logging-enabled and Security Hub APIGateway.1. Not applicable to HTTP APIs.',
  reads: ['stage'],
  evaluate: checkExecutionLogging,
};
