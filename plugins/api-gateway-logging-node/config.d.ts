export interface Config {
  apiGatewayLogging?: {
    /** How the plugin talks to AWS. Credentials come from the `aws` config (integration-aws-node). */
    aws?: {
      /**
       * Send every AWS call (API Gateway, CloudWatch Logs) to this endpoint
       * instead of AWS, for an AWS-compatible emulator such as moto.
       * Leave unset against real AWS.
       * @visibility backend
       */
      endpoint?: string;
      /**
       * API Gateway control-plane requests per second, per account and
       * region. AWS allows 10 (burst 40) and the quota cannot be raised.
       * Default 8, to leave room for other tools.
       */
      apiGatewayRequestsPerSecond?: number;
      /**
       * CloudWatch Logs requests per second, per account and region.
       * FilterLogEvents allows 5. Default 4.
       */
      logsRequestsPerSecond?: number;
      /** Timeout of one AWS call, in milliseconds. Default 10000. */
      requestTimeoutMs?: number;
    };
  };
}
