import {
  CloudWatchLogsClient,
  DescribeSubscriptionFiltersCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AuditInputContext,
  AuditInputReader,
  AwsAccessService,
  isReadFailure,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/** The id checks name in `reads` to get what this reader returns. */
export const SUBSCRIPTION_FILTERS_INPUT = 'subscription-filters';

/** One subscription filter of a log group. */
export interface SubscriptionFilter {
  name: string;
  destinationArn: string;
  filterPattern: string;
}

/** What the reader returns: per existing log group of the stage, its filters. */
export type SubscriptionFiltersInput = Record<
  string,
  { kind: 'execution' | 'access'; filters: SubscriptionFilter[] }
>;

/**
 * Reads the subscription filters of a stage's execution and access log
 * groups (`logs:DescribeSubscriptionFilters`, one call per group, through
 * the plugin's shared rate limiter).
 */
export function subscriptionFiltersReader(
  aws: AwsAccessService,
): AuditInputReader {
  return {
    id: SUBSCRIPTION_FILTERS_INPUT,
    description:
      "The subscription filters of the stage's log groups (logs:DescribeSubscriptionFilters).",
    async read(context: AuditInputContext) {
      const result: SubscriptionFiltersInput = {};
      const groups = (['execution', 'access'] as const).flatMap(kind => {
        const lookup = context.logGroups[kind];
        return lookup && !isReadFailure(lookup) && lookup.exists
          ? [{ kind, name: lookup.name }]
          : [];
      });
      for (const { kind, name } of groups) {
        const response = await aws.call(
          context.target,
          {
            name: 'DescribeSubscriptionFilters',
            service: 'logs',
            action: 'logs:DescribeSubscriptionFilters',
            resource: name,
          },
          async abortSignal =>
            (
              await aws.client(context.target, CloudWatchLogsClient)
            ).send(
              new DescribeSubscriptionFiltersCommand({ logGroupName: name }),
              { abortSignal },
            ),
        );
        result[name] = {
          kind,
          filters: (response.subscriptionFilters ?? []).map(f => ({
            name: f.filterName ?? '',
            destinationArn: f.destinationArn ?? '',
            filterPattern: f.filterPattern ?? '',
          })),
        };
      }
      return result as any;
    },
  };
}
