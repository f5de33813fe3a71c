export interface Config {
  apiGatewayLogging?: {
    /** The `log-shipping` check of the log-shipping module. */
    logShipping?: {
      /**
       * Destinations that count as the central store, as ARN patterns (`*`
       * matches any run of characters), e.g.
       * `arn:aws:logs:*:999999999999:destination:siem`. Default: any
       * subscription filter counts.
       */
      destinationArnPatterns?: string[];
      /**
       * The destination offered in the fix (`put-subscription-filter
       * --destination-arn`). Default: a placeholder to fill in.
       */
      destinationArn?: string;
    };
  };
}
