import {
  CloudWatchClient,
  GetMetricDataCommand,
  MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import {
  AwsAccessService,
  AwsTarget,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { send } from '../send';

// GetMetricData takes at most 500 queries per call.
const QUERIES_PER_CALL = 500;
const DAY_MS = 86_400_000;

/**
 * Reads how many bytes log groups took in per day (`AWS/Logs`
 * `IncomingBytes`, dimension `LogGroupName`), for many groups in one
 * GetMetricData call: what a platform team deciding between ERROR and INFO
 * needs to know.
 */
export class LogVolumeReader {
  constructor(
    private readonly aws: AwsAccessService,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Average bytes per day over the last `days` full days, per log group;
   * groups CloudWatch has no datapoint for are left out.
   */
  async incomingBytesPerDay(
    target: AwsTarget,
    logGroupNames: string[],
    days: number,
  ): Promise<Map<string, number>> {
    const end = Math.floor(this.now() / DAY_MS) * DAY_MS;
    const start = end - days * DAY_MS;
    const out = new Map<string, number>();
    for (let i = 0; i < logGroupNames.length; i += QUERIES_PER_CALL) {
      const names = logGroupNames.slice(i, i + QUERIES_PER_CALL);
      const queries: MetricDataQuery[] = names.map((name, n) => ({
        Id: `g${n}`,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/Logs',
            MetricName: 'IncomingBytes',
            Dimensions: [{ Name: 'LogGroupName', Value: name }],
          },
          Period: 86_400,
          Stat: 'Sum',
        },
        ReturnData: true,
      }));
      let token: string | undefined;
      const sums = new Map<string, number>();
      do {
        const nextToken = token;
        const page = await send(
          this.aws,
          target,
          CloudWatchClient,
          {
            name: 'GetMetricData',
            service: 'monitoring',
            action: 'cloudwatch:GetMetricData',
            resource: 'AWS/Logs IncomingBytes',
          },
          (client, abortSignal) =>
            client.send(
              new GetMetricDataCommand({
                MetricDataQueries: queries,
                StartTime: new Date(start),
                EndTime: new Date(end),
                NextToken: nextToken,
              }),
              { abortSignal },
            ),
        );
        for (const result of page.MetricDataResults ?? []) {
          const name = names[Number(result.Id?.slice(1))];
          const total = (result.Values ?? []).reduce((a, b) => a + b, 0);
          if (name && (result.Values ?? []).length > 0) {
            sums.set(name, (sums.get(name) ?? 0) + total);
          }
        }
        token = page.NextToken;
      } while (token);
      for (const [name, total] of sums) out.set(name, total / days);
    }
    return out;
  }
}
