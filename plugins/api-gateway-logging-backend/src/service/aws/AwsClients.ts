import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsReadError } from './errors';
import { AwsTarget, targetKey } from './types';

/** The user agent AWS sees, so the plugin's calls can be told apart in CloudTrail. */
export const USER_AGENT = 'backstage-api-gateway-logging';

/** Options shared by every client. */
export interface AwsClientsOptions {
  credentialsManager: AwsCredentialsManager;
  /** An AWS-compatible emulator to talk to instead of AWS. */
  endpoint?: string;
  requestTimeoutMs: number;
}

type CredentialProvider = Awaited<
  ReturnType<AwsCredentialsManager['getCredentialProvider']>
>['sdkCredentialProvider'];

interface ClientSet {
  apiGateway: APIGatewayClient;
  apiGatewayV2: ApiGatewayV2Client;
  logs: CloudWatchLogsClient;
}

/** Where the readers get their clients (a stub in tests of AWS failures). */
export type AwsClientSource = Pick<
  AwsClients,
  'apiGateway' | 'apiGatewayV2' | 'logs'
>;

/**
 * One set of SDK clients per account and region, built on first use with
 * that account's credentials from `@backstage/integration-aws-node`, and
 * kept: clients hold connection pools and cached credentials.
 */
export class AwsClients {
  private readonly sets = new Map<string, Promise<ClientSet>>();

  constructor(private readonly options: AwsClientsOptions) {}

  async apiGateway(target: AwsTarget): Promise<APIGatewayClient> {
    return (await this.get(target)).apiGateway;
  }

  async apiGatewayV2(target: AwsTarget): Promise<ApiGatewayV2Client> {
    return (await this.get(target)).apiGatewayV2;
  }

  async logs(target: AwsTarget): Promise<CloudWatchLogsClient> {
    return (await this.get(target)).logs;
  }

  private get(target: AwsTarget): Promise<ClientSet> {
    const key = targetKey(target);
    let set = this.sets.get(key);
    if (!set) {
      set = this.build(target);
      // A credentials failure (unknown account) is not kept: config may be
      // fixed without a restart of this cache's owner.
      set.catch(() => this.sets.delete(key));
      this.sets.set(key, set);
    }
    return set;
  }

  private async build(target: AwsTarget): Promise<ClientSet> {
    let credentials: CredentialProvider;
    try {
      const provider =
        await this.options.credentialsManager.getCredentialProvider(
          target.accountId ? { accountId: target.accountId } : undefined,
        );
      credentials = provider.sdkCredentialProvider;
    } catch (error) {
      throw new AwsReadError(
        'credentials',
        `No AWS credentials for ${
          target.accountId
            ? `account ${target.accountId}`
            : 'the default account'
        }: ${
          error.message
        } (configure it under aws.accounts, or aws.accountDefaults.roleName, in app-config)`,
      );
    }
    const common = {
      region: target.region,
      credentials,
      customUserAgent: USER_AGENT,
      // AwsCaller retries inside the rate limiter; SDK retries would not be
      // rate-limited.
      maxAttempts: 1,
      requestHandler: {
        requestTimeout: this.options.requestTimeoutMs,
        connectionTimeout: this.options.requestTimeoutMs,
      },
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
    };
    return {
      apiGateway: new APIGatewayClient(common),
      apiGatewayV2: new ApiGatewayV2Client(common),
      logs: new CloudWatchLogsClient(common),
    };
  }
}
