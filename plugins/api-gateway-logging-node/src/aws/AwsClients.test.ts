import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AwsClients } from './AwsClients';

function clients(provider: () => Promise<any>) {
  return new AwsClients({
    credentialsManager: {
      getCredentialProvider: async () => ({
        sdkCredentialProvider: provider,
      }),
    } as any,
    requestTimeoutMs: 1000,
  });
}

describe('AwsClients', () => {
  it('makes one client per class, account and region', async () => {
    const c = clients(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    const a = await c.client({ region: 'us-east-1' }, CloudWatchLogsClient);
    const b = await c.client({ region: 'us-east-1' }, CloudWatchLogsClient);
    const other = await c.client({ region: 'eu-west-1' }, CloudWatchLogsClient);
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });

  it("names the role and its trust policy when AssumeRole fails, not the call's action", async () => {
    const denied = Object.assign(
      new Error(
        'User: arn:aws:iam::111111111111:user/backstage is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/read',
      ),
      { name: 'AccessDenied' },
    );
    const c = clients(async () => {
      throw denied;
    });
    const client = await c.client(
      { accountId: '222222222222', region: 'us-east-1' },
      CloudWatchLogsClient,
    );
    const credentials = (client.config as any).credentials;
    const error = await credentials().catch((e: Error) => e);
    expect(error.kind).toBe('assume-role');
    expect(error.message).toContain(
      'Assuming the role for account 222222222222',
    );
    expect(error.message).toContain('trust policy');
    expect(error.message).toContain('sts:AssumeRole');
  });

  it('tells a disabled STS region apart', async () => {
    const c = clients(async () => {
      throw Object.assign(new Error('STS is not activated'), {
        name: 'RegionDisabledException',
      });
    });
    const client = await c.client(
      { accountId: '222222222222', region: 'ap-east-1' },
      CloudWatchLogsClient,
    );
    const error = await (client.config as any)
      .credentials()
      .catch((e: Error) => e);
    expect(error.message).toContain('STS is disabled in ap-east-1');
  });
});
