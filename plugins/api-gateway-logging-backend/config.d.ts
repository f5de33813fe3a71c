export interface Config {
  /** Configuration of the api-gateway-logging backend plugin. */
  apiGatewayLogging?: {
    /**
     * The accounts and regions the sweep lists every stage of (claimed by
     * an entity or not), and where the `aws.amazon.com/api-gateway-tags`
     * annotation looks for stages: each account (default: the default
     * account of the `aws` config) and its regions.
     */
    discovery?: Array<{
      /** 12-digit AWS account id; omit for the default account. */
      accountId?: string;
      /** Regions to search, e.g. `[us-east-1, eu-west-1]`. */
      regions: string[];
    }>;
    /**
     * The scheduled sweep of every account and region of `discovery`, whose
     * results the coverage page and the entity tab read from the plugin's
     * database.
     */
    sweep?: {
      /** Run the sweep on a schedule. Default true. */
      enabled?: boolean;
      /**
       * When to sweep, as a scheduler task (always `scope: global`, so that
       * one replica sweeps each interval). Default every hour, timing out
       * after 30 minutes, first run 10 seconds after start.
       */
      schedule?: {
        /** e.g. `{ hours: 1 }`, `PT30M`, or a cron expression `{ cron: '0 * * * *' }`. */
        frequency: { cron: string } | string | { [unit: string]: number };
        /** e.g. `{ minutes: 30 }`. */
        timeout: string | { [unit: string]: number };
        /** e.g. `{ seconds: 10 }`. */
        initialDelay?: string | { [unit: string]: number };
      };
      /** How long a stage's past versions and daily coverage are kept, in days. Default 400. */
      historyRetentionDays?: number;
      /** Pages of DescribeLogGroups read per account and region (50 groups each). Default 2000. */
      maxLogGroupPages?: number;
    };
    /** The estimated cost of each stage's logs, at these prices (default: us-east-1 list prices). */
    cost?: {
      /** USD per GB ingested. Default 0.5. */
      ingestionUsdPerGb?: number;
      /** USD per GB stored per month. Default 0.03. */
      storageUsdPerGbMonth?: number;
      /** Days of IncomingBytes averaged into a daily volume. Default 7. */
      days?: number;
    };
    /** Caching of AWS results (through the backend's cache service). */
    cache?: {
      /** How long an audit result is reused, in seconds. Default 300. */
      auditTtlSeconds?: number;
      /** How long a failures query result is reused, in seconds. Default 60. */
      failuresTtlSeconds?: number;
    };
    /** The logging policy the audit checks every stage against. */
    policy?: {
      /**
       * Execution logging levels that pass the `execution-logging` check.
       * Default `[ERROR, INFO]` (as AWS Config's api-gw-execution-logging-enabled).
       */
      executionLoggingLevels?: Array<'ERROR' | 'INFO'>;
      /** The `access-log-format` check. */
      accessLogFormat?: {
        /** Require a JSON format (as cdk-nag APIGWStructuredLogging). Default false. */
        requireJson?: boolean;
        /**
         * `$context` variables the format must contain besides the request
         * id and status, e.g. `[$context.error.responseType]`. Default none.
         */
        requiredFields?: string[];
      };
      /**
       * Stage names on which full request/response data tracing must be
       * off; `*` is every stage. Default `['*']`.
       */
      dataTraceForbiddenStages?: string[];
      /** Fail (instead of warn) stages without detailed CloudWatch metrics. Default false. */
      requireDetailedMetrics?: boolean;
      /** Fail (instead of warn) REST stages without X-Ray tracing. Default false. */
      requireXrayTracing?: boolean;
      /** Minimum retention of the log groups, in days; never-expire passes. Default 365. */
      minimumRetentionDays?: number;
      /** Fail (instead of warn) log groups not encrypted with KMS. Default true. */
      requireKmsEncryption?: boolean;
      /** Check ids not run (their results are left out), e.g. `[xray-tracing]`. */
      disabledChecks?: string[];
    };
    /** The failures listing and trace lookup. */
    failures?: {
      /** Default time window, in minutes. Default 60. */
      defaultWindowMinutes?: number;
      /** Longest time window a caller may ask for, in hours. Default 24. */
      maxWindowHours?: number;
      /** Items per page. Default 100, at most 500. */
      pageSize?: number;
      /**
       * How failing requests are selected on the server side. `any-term`
       * (default): one CloudWatch OR pattern (`?"a" ?"b"`) per query, the
       * fewest calls against AWS. `exact-phrase`: one call per quoted
       * phrase, for AWS-compatible emulators (moto) that honour nothing
       * else. Every returned event is checked again by the parser either way.
       */
      filterPatternMode?: 'any-term' | 'exact-phrase';
      /** Cap on events read per log group per query. Default 20000. */
      maxEventsPerQuery?: number;
      /**
       * Cap on FilterLogEvents calls per log group per query, empty pages
       * included (AWS may return empty pages with a nextToken while it
       * scans). Default 100; the request deadline bounds the time too.
       */
      maxCallsPerQuery?: number;
      /** A trace is looked for within this many minutes of the given time. Default 15. */
      traceWindowMinutes?: number;
      /**
       * A failures or trace request answers within this many seconds with
       * what it read (saying how far it got), even when AWS hangs or
       * throttles. Default 25.
       */
      requestDeadlineSeconds?: number;
      /**
       * CloudWatch Logs Insights, for windows longer than `thresholdHours`
       * (a failures query over a day, a trace looked up without a time):
       * one query AWS scans instead of paging FilterLogEvents through the
       * window. FilterLogEvents for shorter windows.
       */
      insights?: {
        /** Default true. Emulators (moto) ignore Insights' `filter`: turn it off there. */
        enabled?: boolean;
        /** Default 6. */
        thresholdHours?: number;
        /**
         * Queries running at once per account and region. AWS allows 30 to
         * 100 concurrent Insights queries per account, shared with every
         * other user. Default 10.
         */
        maxConcurrentQueries?: number;
        /** Time between two GetQueryResults, ms. Default 1000. */
        pollIntervalMs?: number;
      };
    };
    /**
     * Log groups an entity's `aws.amazon.com/api-gateway-execution-log-group`
     * annotation may name, as patterns (`*` matches any run of characters),
     * e.g. `/central/apigw/*`. Without a match the annotation is refused
     * (400): an annotation, which anyone who registers an entity writes,
     * never widens what the plugin reads. A stage's own execution log
     * group and the access-log destination AWS reports are always allowed.
     * @visibility backend
     */
    allowedLogGroupPatterns?: string[];
    /**
     * Log groups for stages whose execution logs are not in the default
     * `API-Gateway-Execution-Logs_{apiId}/{stage}` group.
     * @visibility backend
     */
    executionLogGroups?: Array<{
      /** The stage ARN, as in the annotation. */
      stageArn: string;
      /** The CloudWatch Logs group that holds its execution logs. */
      logGroupName: string;
    }>;
  };
}
