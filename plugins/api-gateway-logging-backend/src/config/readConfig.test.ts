import { ConfigReader } from '@backstage/config';
import { DEFAULT_LOGGING_POLICY } from '@apigw-logging/plugin-api-gateway-logging-node';
import { readApiGatewayLoggingConfig } from './readConfig';

const read = (apiGatewayLogging: object) =>
  readApiGatewayLoggingConfig(new ConfigReader({ apiGatewayLogging }));

describe('readApiGatewayLoggingConfig', () => {
  it('has documented defaults for an empty config', () => {
    const config = readApiGatewayLoggingConfig(new ConfigReader({}));
    expect(config.policy).toEqual(DEFAULT_LOGGING_POLICY);
    expect(config.failures).toEqual({
      defaultWindowMs: 3_600_000,
      maxWindowMs: 86_400_000,
      pageSize: 100,
      filterPatternMode: 'any-term',
      maxEventsPerQuery: 20_000,
      maxCallsPerQuery: 100,
      traceWindowMs: 900_000,
      requestDeadlineMs: 25_000,
      insights: {
        thresholdMs: 6 * 3_600_000,
        maxConcurrentQueries: 10,
        pollIntervalMs: 1000,
      },
    });
    expect(config.cache).toEqual({
      auditTtlMs: 300_000,
      failuresTtlMs: 60_000,
    });
    expect(config.logGroups.allowedPatterns).toEqual([]);
    expect(config.discovery).toEqual([]);
  });

  it('reads the policy, the allowed log groups and the overrides', () => {
    const config = read({
      policy: {
        executionLoggingLevels: ['INFO'],
        minimumRetentionDays: 30,
        disabledChecks: ['xray-tracing'],
      },
      allowedLogGroupPatterns: ['/central/apigw/*'],
      executionLogGroups: [
        {
          stageArn:
            'arn:aws:apigateway:us-east-1:123456789012:/restapis/a1b2c3d4e5/stages/prod',
          logGroupName: '/central/apigw/a1b2c3d4e5/prod',
        },
      ],
      discovery: [{ accountId: '123456789012', regions: ['us-east-1'] }],
    });
    expect(config.policy).toMatchObject({
      executionLoggingLevels: ['INFO'],
      minimumRetentionDays: 30,
      disabledChecks: ['xray-tracing'],
      requireKmsEncryption: true,
    });
    expect(config.logGroups.allowedPatterns).toEqual(['/central/apigw/*']);
    // Keyed as annotations are normalized: without the account field.
    expect([...config.logGroups.executionLogGroups.keys()]).toEqual([
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
    ]);
  });

  it.each([
    [
      { policy: { executionLoggingLevels: ['DEBUG'] } },
      'may hold ERROR and INFO, not DEBUG',
    ],
    [{ failures: { filterPatternMode: 'regex' } }, 'any-term or exact-phrase'],
    [
      { failures: { pageSize: 0 } },
      'pageSize in apiGatewayLogging must be a positive number',
    ],
    [{ failures: { pageSize: 1000 } }, 'pageSize is at most 500'],
    [{ cache: { auditTtlSeconds: -1 } }, 'auditTtlSeconds'],
  ])('refuses %j at startup, saying why', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
