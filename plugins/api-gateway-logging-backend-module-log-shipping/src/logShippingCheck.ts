import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  checkOutcome,
  isReadFailure,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { EvidenceValue } from '@apigw-logging/plugin-api-gateway-logging-common';
import { LogShippingConfig } from './config';
import {
  SUBSCRIPTION_FILTERS_INPUT,
  SubscriptionFiltersInput,
} from './subscriptionFilters';

/** `*` in a pattern: any run of characters. */
function matches(arn: string, pattern: string): boolean {
  const parts = pattern
    .split('*')
    .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(arn);
}

/** Shell-quotes one argument when it needs it. */
function arg(value: string): string {
  return /^[A-Za-z0-9_\-.,=/:@+]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `log-shipping`: every log group the stage writes has a subscription filter
 * to the central store, so its logs reach the SIEM whatever their retention
 * in CloudWatch.
 */
export function logShippingCheck(config: LogShippingConfig): AuditCheck {
  const accepted = (arn: string) =>
    config.destinationArnPatterns.length === 0 ||
    config.destinationArnPatterns.some(p => matches(arn, p));

  function evaluate(input: AuditInput): CheckOutcome {
    const read = input.extra[SUBSCRIPTION_FILTERS_INPUT];
    if (read && isReadFailure(read as object)) {
      return checkOutcome('error', (read as { error: string }).error, {});
    }
    const groups = (read ?? {}) as unknown as SubscriptionFiltersInput;
    const names = Object.keys(groups);
    if (names.length === 0) {
      return checkOutcome(
        'not-applicable',
        'The stage writes no logs to CloudWatch Logs yet: there is nothing to ship.',
        {},
      );
    }
    const evidence: Record<string, EvidenceValue> = {};
    const unshipped: string[] = [];
    for (const name of names) {
      const destinations = groups[name].filters
        .map(f => f.destinationArn)
        .filter(accepted);
      evidence[name] = {
        kind: groups[name].kind,
        destinations: groups[name].filters.map(f => f.destinationArn),
      };
      if (destinations.length === 0) unshipped.push(name);
    }
    if (unshipped.length === 0) {
      return checkOutcome(
        'pass',
        `Every log group is shipped: ${names
          .map(n => `${n} → ${(evidence[n] as any).destinations.join(', ')}`)
          .join('; ')}.`,
        evidence,
      );
    }
    const { region } = input.location;
    return checkOutcome(
      'fail',
      `${unshipped.join(' and ')} ${
        unshipped.length > 1 ? 'have' : 'has'
      } no subscription filter to ${
        config.destinationArnPatterns.length
          ? `a destination matching ${config.destinationArnPatterns.join(
              ' or ',
            )}`
          : 'a central store'
      }: those logs stay in CloudWatch only.`,
      evidence,
      {
        summary:
          'Add a subscription filter that sends every event of each log group to the central destination.',
        cli: unshipped.map(name =>
          [
            'aws logs put-subscription-filter',
            `--log-group-name ${arg(name)}`,
            '--filter-name ship-to-central-store',
            "--filter-pattern ''",
            `--destination-arn ${arg(config.destinationArn)}`,
            `--region ${region}`,
          ].join(' '),
        ),
        cloudFormation: 'AWS::Logs::SubscriptionFilter DestinationArn',
        terraform: 'aws_cloudwatch_log_subscription_filter.destination_arn',
      },
    );
  }

  return {
    id: 'log-shipping',
    title: 'Logs shipped to the central store',
    severity: 'medium',
    description:
      "Each of the stage's CloudWatch log groups has a subscription filter to the central log store (SIEM), so the logs outlive their CloudWatch retention and reach the security team.",
    reads: ['log-groups', SUBSCRIPTION_FILTERS_INPUT],
    evaluate,
  };
}
