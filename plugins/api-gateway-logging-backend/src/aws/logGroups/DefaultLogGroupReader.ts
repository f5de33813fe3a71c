import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AwsAccessService,
  AwsTarget,
  LogGroupInfo,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { Listing } from '../apiGateway/types';
import { send } from '../send';
import { LogGroupReader } from './types';

// A prefix names one API's groups or one group; more pages than this means
// the prefix is not selective: the listing says it stopped.
const MAX_PAGES = 10;

/** {@link LogGroupReader} over the AWS SDK, through the shared AWS access. */
export class DefaultLogGroupReader implements LogGroupReader {
  constructor(private readonly aws: AwsAccessService) {}

  async listByPrefix(
    target: AwsTarget,
    prefix: string,
  ): Promise<Listing<LogGroupInfo>> {
    const items: LogGroupInfo[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const token = nextToken;
      const response = await send(
        this.aws,
        target,
        CloudWatchLogsClient,
        {
          name: 'DescribeLogGroups',
          service: 'logs',
          action: 'logs:DescribeLogGroups',
          resource: prefix,
        },
        (client, abortSignal) =>
          client.send(
            new DescribeLogGroupsCommand({
              logGroupNamePrefix: prefix,
              limit: 50,
              nextToken: token,
            }),
            { abortSignal },
          ),
      );
      for (const group of response.logGroups ?? []) {
        if (!group.logGroupName) continue;
        items.push({
          name: group.logGroupName,
          exists: true,
          ...(group.retentionInDays !== undefined
            ? { retentionInDays: group.retentionInDays }
            : {}),
          ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}),
          ...(group.storedBytes !== undefined
            ? { storedBytes: group.storedBytes }
            : {}),
        });
      }
      nextToken = response.nextToken;
      if (!nextToken) return { items, complete: true };
    }
    return { items, complete: false };
  }
}
