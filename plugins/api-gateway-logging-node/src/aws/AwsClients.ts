import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsReadError } from './errors';
import { AwsTarget, describeTarget, targetKey } from './target';

/** The user agent AWS sees, so the plugin's calls can be told apart in CloudTrail. @public */
export const USER_AGENT = 'backstage-api-gateway-logging';

/** Options shared by every client. @public */
export interface AwsClientsOptions {
  credentialsManager: AwsCredentialsManager;
  /** An AWS-compatible emulator to talk to instead of AWS. */
  endpoint?: string;
  requestTimeoutMs: number;
}

type CredentialProvider = Awaited<
  ReturnType<AwsCredentialsManager['getCredentialProvider']>
>['sdkCredentialProvider'];

/** The configuration every SDK client constructor takes. @public */
export interface AwsClientConfig {
  region: string;
  credentials: CredentialProvider;
  customUserAgent: string;
  maxAttempts: number;
  requestHandler: { requestTimeout: number; connectionTimeout: number };
  endpoint?: string;
}

/** An SDK v3 client class, e.g. `CloudWatchLogsClient`. @public */
export type AwsClientClass<C> = new (config: AwsClientConfig) => C;

// STS answers these when a role cannot be assumed.
const ASSUME_ROLE_FAILURES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'RegionDisabledException',
  'MalformedPolicyDocument',
  'PackedPolicyTooLarge',
  'ExpiredTokenException',
  'InvalidIdentityToken',
]);

/**
 * SDK clients per account and region, built on first use with that account's
 * credentials from `@backstage/integration-aws-node`, and kept: clients hold
 * connection pools and cached credentials.
 *
 * @public
 */
export class AwsClients {
  private readonly credentials = new Map<string, Promise<CredentialProvider>>();
  private readonly clients = new Map<string, unknown>();

  constructor(private readonly options: AwsClientsOptions) {}

  /** The client of class `Client` for the target, made once. */
  async client<C>(target: AwsTarget, Client: AwsClientClass<C>): Promise<C> {
    const key = `${targetKey(target)}:${Client.name}`;
    const existing = this.clients.get(key) as C | undefined;
    if (existing) return existing;
    const credentials = await this.credentialsFor(target);
    const made =
      (this.clients.get(key) as C | undefined) ??
      new Client({
        region: target.region,
        credentials,
        customUserAgent: USER_AGENT,
        // The caller retries inside the rate limiter; SDK retries would not
        // be rate-limited.
        maxAttempts: 1,
        requestHandler: {
          requestTimeout: this.options.requestTimeoutMs,
          connectionTimeout: this.options.requestTimeoutMs,
        },
        ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      });
    this.clients.set(key, made);
    return made;
  }

  private credentialsFor(target: AwsTarget): Promise<CredentialProvider> {
    const key = target.accountId ?? 'default';
    let provider = this.credentials.get(key);
    if (!provider) {
      provider = this.loadCredentials(target);
      // A failure (unknown account) is not kept: config may be fixed.
      provider.catch(() => this.credentials.delete(key));
      this.credentials.set(key, provider);
    }
    return provider;
  }

  private async loadCredentials(
    target: AwsTarget,
  ): Promise<CredentialProvider> {
    const account = target.accountId
      ? `account ${target.accountId}`
      : 'the default account';
    let provider: CredentialProvider;
    try {
      provider = (
        await this.options.credentialsManager.getCredentialProvider(
          target.accountId ? { accountId: target.accountId } : undefined,
        )
      ).sdkCredentialProvider;
    } catch (error) {
      throw new AwsReadError(
        'credentials',
        `No AWS credentials for ${account}: ${error.message} (the Backstage administrators configure it under aws.accounts, or aws.accountDefaults.roleName, in app-config)`,
      );
    }
    // Credentials are resolved (a role assumed) lazily inside a call: name
    // that step when it fails, instead of blaming the call's own action.
    return async (...args: Parameters<CredentialProvider>) => {
      try {
        return await provider(...args);
      } catch (error) {
        throw credentialFailure(error, account, target);
      }
    };
  }
}

function credentialFailure(
  error: any,
  account: string,
  target: AwsTarget,
): AwsReadError {
  const name = String(error?.name ?? error?.Code ?? 'Error');
  const said = String(error?.message ?? '').slice(0, 300);
  if (ASSUME_ROLE_FAILURES.has(name) || /AssumeRole/i.test(said)) {
    const region =
      name === 'RegionDisabledException'
        ? ` STS is disabled in ${target.region}: enable it in the account's STS settings.`
        : '';
    return new AwsReadError(
      'assume-role',
      `Assuming the role for ${account} (${describeTarget(
        target,
      )}) failed: ${name}: ${said}.${region} Check, with the account's administrators, that the role named in app-config (aws.accounts[].roleName or aws.accountDefaults.roleName) exists in that account, that its trust policy lets the backend's principal assume it, and that the principal may call sts:AssumeRole on it.`,
    );
  }
  return new AwsReadError(
    'credentials',
    `The backend has no usable AWS credentials for ${account}: ${name}: ${said} (the Backstage administrators configure them under aws in app-config, or give the host a role).`,
  );
}
