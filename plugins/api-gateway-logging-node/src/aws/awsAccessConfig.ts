import { Config } from '@backstage/config';

/** `apiGatewayLogging.aws`, with defaults. @public */
export interface AwsAccessConfig {
  /** An AWS-compatible emulator to send every call to (tests, local estate). */
  endpoint?: string;
  /** Calls per second per account and region, by service. */
  ratePerSecond: Record<string, number>;
  /** Rate of services not listed (e.g. CloudWatch metrics). */
  defaultRatePerSecond: number;
  requestTimeoutMs: number;
}

/** Config keys of the per-service rates, named in throttling messages. @public */
export const RATE_CONFIG_KEYS: Record<string, string> = {
  apigateway: 'apiGatewayLogging.aws.apiGatewayRequestsPerSecond',
  logs: 'apiGatewayLogging.aws.logsRequestsPerSecond',
};

function positive(config: Config | undefined, key: string, fallback: number) {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(
      `apiGatewayLogging.aws.${key} must be a positive number, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads `apiGatewayLogging.aws`. The defaults stay under AWS's quotas so
 * other tools of the account keep room: API Gateway's control plane allows
 * 10 requests/s per account and region, FilterLogEvents 5.
 *
 * @public
 */
export function readAwsAccessConfig(rootConfig: Config): AwsAccessConfig {
  const aws = rootConfig.getOptionalConfig('apiGatewayLogging.aws');
  return {
    endpoint: aws?.getOptionalString('endpoint'),
    ratePerSecond: {
      apigateway: positive(aws, 'apiGatewayRequestsPerSecond', 8),
      logs: positive(aws, 'logsRequestsPerSecond', 4),
    },
    defaultRatePerSecond: 5,
    requestTimeoutMs: positive(aws, 'requestTimeoutMs', 10_000),
  };
}
