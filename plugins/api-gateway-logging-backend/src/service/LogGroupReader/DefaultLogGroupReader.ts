import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LogGroupInfo } from '../../audit/types';
import { AwsCaller } from '../aws/AwsCaller';
import { AwsClientSource } from '../aws/AwsClients';
import { AwsTarget } from '../aws/types';
import { LogGroupReader } from './types';

// A prefix names one API's groups or one group; more pages than this means
// the prefix is not selective, and the rest is not worth the quota.
const MAX_PAGES = 10;

/** {@link LogGroupReader} over the AWS SDK, through {@link AwsCaller}. */
export class DefaultLogGroupReader implements LogGroupReader {
  constructor(
    private readonly clients: AwsClientSource,
    private readonly caller: AwsCaller,
  ) {}

  async listByPrefix(
    target: AwsTarget,
    prefix: string,
  ): Promise<LogGroupInfo[]> {
    const groups: LogGroupInfo[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const token = nextToken;
      const response = await this.caller.call(
        target,
        {
          name: 'DescribeLogGroups',
          service: 'logs',
          action: 'logs:DescribeLogGroups',
          resource: prefix,
        },
        async abortSignal =>
          (
            await this.clients.logs(target)
          ).send(
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
        groups.push({
          name: group.logGroupName,
          exists: true,
          ...(group.retentionInDays !== undefined
            ? { retentionInDays: group.retentionInDays }
            : {}),
          ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}),
        });
      }
      nextToken = response.nextToken;
      if (!nextToken) break;
    }
    return groups;
  }
}
