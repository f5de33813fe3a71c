import {
  AuditCheckId,
  CheckStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AuditInput,
  DEFAULT_LOGGING_POLICY as DEFAULT_POLICY,
  LoggingPolicy as AuditPolicy,
  StageConfig,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { BUILT_IN_CHECKS } from '.';

/** Every built-in check's outcome on one stage, with its id. */
function runChecks(input: AuditInput, policy: AuditPolicy) {
  return BUILT_IN_CHECKS.map(check => ({
    id: check.id,
    ...check.evaluate(input, policy),
  }));
}

const JSON_FORMAT =
  '{"requestId":"$context.requestId","status":"$context.status","type":"$context.error.responseType","error":"$context.error.message"}';
const ACCESS_ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:/access/x';
const EXEC = 'API-Gateway-Execution-Logs_abcdefghij/prod';

/** A REST stage that passes every check under the default policy. */
function compliant(): AuditInput {
  return {
    stage: {
      apiId: 'abcdefghij',
      apiType: 'REST',
      stageName: 'prod',
      defaults: {
        loggingLevel: 'ERROR',
        dataTraceEnabled: false,
        metricsEnabled: true,
      },
      overrides: [],
      accessLog: { destinationArn: ACCESS_ARN, format: JSON_FORMAT },
      tracingEnabled: true,
      tags: {},
    },
    location: {
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
    },
    account: { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/logs' },
    extra: {},
    logGroups: {
      execution: {
        name: EXEC,
        exists: true,
        retentionInDays: 365,
        kmsKeyId: 'k',
      },
      access: { name: '/access/x', exists: true, kmsKeyId: 'k' },
    },
  };
}

type Patch = (input: AuditInput) => void;
const stage =
  (s: Partial<StageConfig>): Patch =>
  i => {
    i.stage = { ...i.stage, ...s };
  };
const http: Patch = stage({ apiType: 'HTTP' });
const websocket: Patch = stage({ apiType: 'WEBSOCKET' });

const CASES: Array<
  [AuditCheckId, string, CheckStatus, Patch[], Partial<AuditPolicy>?]
> = [
  ['execution-logging', 'default ERROR', 'pass', []],
  [
    'execution-logging',
    'no method settings at all (OFF)',
    'fail',
    [stage({ defaults: undefined })],
  ],
  [
    'execution-logging',
    'a method override OFF',
    'fail',
    [
      stage({
        overrides: [
          {
            key: 'pets~1{id}/GET',
            label: 'GET /pets/{id}',
            loggingLevel: 'OFF',
          },
        ],
      }),
    ],
  ],
  [
    'execution-logging',
    'ERROR when the policy asks INFO',
    'fail',
    [],
    { executionLoggingLevels: ['INFO'] },
  ],
  [
    'execution-logging',
    'WebSocket route OFF',
    'fail',
    [
      websocket,
      stage({
        overrides: [
          { key: '$connect', label: '$connect', loggingLevel: 'OFF' },
        ],
      }),
    ],
  ],
  ['execution-logging', 'HTTP API', 'not-applicable', [http]],
  ['access-logging', 'destination set', 'pass', []],
  [
    'access-logging',
    'no destination',
    'fail',
    [stage({ accessLog: undefined })],
  ],
  ['access-log-format', 'JSON with every field', 'pass', []],
  [
    'access-log-format',
    'no request id',
    'fail',
    [
      stage({
        accessLog: { destinationArn: ACCESS_ARN, format: '$context.status' },
      }),
    ],
  ],
  [
    'access-log-format',
    'extendedRequestId and status, CLF',
    'warn',
    [
      stage({
        accessLog: {
          destinationArn: ACCESS_ARN,
          format: '$context.extendedRequestId $context.status',
        },
      }),
    ],
  ],
  [
    'access-log-format',
    'CLF when JSON is required',
    'fail',
    [
      stage({
        accessLog: {
          destinationArn: ACCESS_ARN,
          format:
            '$context.requestId $context.status $context.error.message $context.error.responseType',
        },
      }),
    ],
    { accessLogFormat: { requireJson: true, requiredFields: [] } },
  ],
  [
    'access-log-format',
    'a required field missing',
    'fail',
    [],
    {
      accessLogFormat: {
        requireJson: false,
        requiredFields: ['integrationErrorMessage'],
      },
    },
  ],
  [
    'access-log-format',
    'no access logs',
    'not-applicable',
    [stage({ accessLog: undefined })],
  ],
  ['data-trace', 'off', 'pass', []],
  [
    'data-trace',
    'on, forbidden everywhere',
    'fail',
    [stage({ defaults: { loggingLevel: 'INFO', dataTraceEnabled: true } })],
  ],
  [
    'data-trace',
    'on in one override, forbidden on prod',
    'fail',
    [
      stage({
        overrides: [{ key: 'a/GET', label: 'GET /a', dataTraceEnabled: true }],
      }),
    ],
    { dataTraceForbiddenStages: ['prod'] },
  ],
  [
    'data-trace',
    'on, allowed on this stage',
    'warn',
    [stage({ defaults: { loggingLevel: 'INFO', dataTraceEnabled: true } })],
    { dataTraceForbiddenStages: ['live'] },
  ],
  ['data-trace', 'HTTP API', 'not-applicable', [http]],
  ['detailed-metrics', 'on', 'pass', []],
  [
    'detailed-metrics',
    'off',
    'warn',
    [stage({ defaults: { loggingLevel: 'ERROR' } })],
  ],
  [
    'detailed-metrics',
    'off, required',
    'fail',
    [stage({ defaults: { loggingLevel: 'ERROR' } })],
    { requireDetailedMetrics: true },
  ],
  ['xray-tracing', 'on', 'pass', []],
  ['xray-tracing', 'off', 'warn', [stage({ tracingEnabled: false })]],
  [
    'xray-tracing',
    'off, required',
    'fail',
    [stage({ tracingEnabled: false })],
    { requireXrayTracing: true },
  ],
  ['xray-tracing', 'WebSocket', 'not-applicable', [websocket]],
  ['cloudwatch-role', 'set', 'pass', []],
  [
    'cloudwatch-role',
    'missing in the region',
    'fail',
    [
      i => {
        i.account = {};
      },
    ],
  ],
  [
    'cloudwatch-role',
    'GetAccount denied',
    'error',
    [
      i => {
        i.account = { error: 'AccessDenied: apigateway:GET on /account' };
      },
    ],
  ],
  ['cloudwatch-role', 'HTTP API', 'not-applicable', [http]],
  ['log-retention', '365 days and never expire', 'pass', []],
  [
    'log-retention',
    '30 days',
    'fail',
    [
      i => {
        i.logGroups.access = {
          name: '/access/x',
          exists: true,
          retentionInDays: 30,
        };
      },
    ],
  ],
  [
    'log-retention',
    'access group missing',
    'fail',
    [
      i => {
        i.logGroups.access = { name: '/access/x', exists: false };
      },
    ],
  ],
  [
    'log-retention',
    'execution group not created yet',
    'warn',
    [
      i => {
        i.logGroups.execution = { name: EXEC, exists: false };
      },
    ],
  ],
  [
    'log-retention',
    'DescribeLogGroups denied',
    'error',
    [
      i => {
        i.logGroups.access = {
          name: '/access/x',
          error: 'AccessDenied: logs:DescribeLogGroups',
        };
      },
    ],
  ],
  [
    'log-retention',
    'no logs at all',
    'not-applicable',
    [
      http,
      stage({ accessLog: undefined }),
      i => {
        i.logGroups = {};
      },
    ],
  ],
  ['log-encryption', 'KMS on both', 'pass', []],
  [
    'log-encryption',
    'no KMS',
    'fail',
    [
      i => {
        i.logGroups.access = { name: '/access/x', exists: true };
      },
    ],
  ],
  [
    'log-encryption',
    'no KMS, not required',
    'warn',
    [
      i => {
        i.logGroups.access = { name: '/access/x', exists: true };
      },
    ],
    { requireKmsEncryption: false },
  ],
  [
    'log-encryption',
    'DescribeLogGroups denied',
    'error',
    [
      i => {
        i.logGroups.execution = { name: EXEC, error: 'AccessDenied' };
      },
    ],
  ],
  [
    'log-encryption',
    'no group exists yet',
    'not-applicable',
    [
      i => {
        i.logGroups = { execution: { name: EXEC, exists: false } };
      },
    ],
  ],
];

describe('audit rules', () => {
  // Every row gets all five arguments, or jest takes the last for `done`.
  const rows = CASES.map(([id, what, status, patches, policy]) => [
    id,
    what,
    status,
    patches,
    policy ?? {},
  ]) as Array<
    [AuditCheckId, string, CheckStatus, Patch[], Partial<AuditPolicy>]
  >;

  it.each(rows)('%s: %s → %s', (id, _what, expected, patches, policy) => {
    const input = compliant();
    patches.forEach(p => p(input));
    const results = runChecks(input, { ...DEFAULT_POLICY, ...policy });
    const check = results.find(r => r.id === id)!;
    expect(check.status).toBe(expected);
    expect(check.message.length).toBeGreaterThan(10);
    // fail and warn say how to fix, in words, CloudFormation and Terraform.
    const fix = check.remediation;
    const actionable = expected === 'fail' || expected === 'warn';
    expect(Boolean(fix?.summary && fix.cloudFormation && fix.terraform)).toBe(
      actionable,
    );
    expect(fix === undefined).toBe(!actionable);
  });

  it('covers every status of every check in the table', () => {
    const seen = new Set(CASES.map(([id, , status]) => `${id}:${status}`));
    for (const [id] of CASES) {
      expect(seen.has(`${id}:pass`)).toBe(true);
    }
    expect(new Set(CASES.map(([id]) => id))).toEqual(
      new Set(BUILT_IN_CHECKS.map(c => c.id)),
    );
  });

  it('passes a compliant stage on every check', () => {
    expect(runChecks(compliant(), DEFAULT_POLICY).map(r => r.status)).toEqual(
      new Array(9).fill('pass'),
    );
  });

  it('writes ready-to-run CLI commands with the real ids', () => {
    const input = compliant();
    input.stage.defaults = {};
    input.stage.stageName = '$default';
    const [execution] = runChecks(input, DEFAULT_POLICY);
    expect(execution.remediation?.cli).toEqual([
      "aws apigateway update-stage --rest-api-id abcdefghij --stage-name '$default' --patch-operations 'op=replace,path=/*/*/logging/loglevel,value=ERROR' --region us-east-1",
    ]);
    expect(execution.remediation?.cloudFormation).toBe(
      'AWS::ApiGateway::Stage MethodSettings[].LoggingLevel',
    );
    expect(execution.remediation?.terraform).toBe(
      'aws_api_gateway_method_settings.settings.logging_level',
    );
  });

  it('says when access logs go where the plugin cannot read them here', () => {
    const message = (destinationArn: string) => {
      const input = compliant();
      input.stage.accessLog = { destinationArn, format: JSON_FORMAT };
      return runChecks(input, DEFAULT_POLICY).find(
        r => r.id === 'access-logging',
      )!;
    };
    const firehose = message(
      'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x',
    );
    expect(firehose.status).toBe('pass');
    expect(firehose.message).toContain('reads CloudWatch Logs only');
    expect(
      message('arn:aws:logs:eu-west-1:123456789012:log-group:/access/x')
        .message,
    ).toContain('in another region eu-west-1');
    expect(
      message('arn:aws:logs:us-east-1:999999999999:log-group:/access/x')
        .message,
    ).toContain("with that account's credentials");
    expect(message(ACCESS_ARN).message).toBe(
      `Access logs go to ${ACCESS_ARN}.`,
    );
  });

  it('writes the WebSocket remediation with route settings', () => {
    const input = compliant();
    input.stage.apiType = 'WEBSOCKET';
    input.stage.overrides = [
      { key: '$connect', label: '$connect', loggingLevel: 'OFF' },
    ];
    const [execution] = runChecks(input, DEFAULT_POLICY);
    expect(execution.remediation?.cli[0]).toBe(
      `aws apigatewayv2 update-stage --api-id abcdefghij --stage-name prod --default-route-settings LoggingLevel=ERROR --route-settings '{"$connect":{"LoggingLevel":"ERROR"}}' --region us-east-1`,
    );
  });
});
