export interface Config {
  apiGatewayLogging?: {
    /** The Tech Insights module's options. */
    techInsights?: {
      /**
       * Read each entity's failed requests of the last day from its logs
       * for the `failedRequestsLastDay` fact (FilterLogEvents calls at the
       * backend's rate limit). Default true.
       */
      includeFailedRequests?: boolean;
    };
  };
}
