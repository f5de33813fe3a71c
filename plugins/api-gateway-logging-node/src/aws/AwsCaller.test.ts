import { AwsCaller } from './AwsCaller';
import { AwsReadError } from './errors';
import { RateLimiter } from './RateLimiter';

const target = { accountId: '111111111111', region: 'us-east-1' };
const op = {
  name: 'GetStages',
  service: 'apigateway',
  action: 'apigateway:GET',
  resource: '/restapis/abc/stages',
};
const awsError = (
  name: string,
  status: number,
  headers: Record<string, string> = {},
) =>
  Object.assign(new Error(`${name} from AWS`), {
    name,
    $metadata: { httpStatusCode: status },
    $response: { statusCode: status, headers },
  });

function caller(
  options: Partial<ConstructorParameters<typeof AwsCaller>[0]> = {},
) {
  const limiter = new RateLimiter(() => 1000);
  return {
    limiter,
    caller: new AwsCaller({
      limiter,
      requestTimeoutMs: 1000,
      backoffMs: 1,
      rateConfigKey: () => 'apiGatewayLogging.aws.apiGatewayRequestsPerSecond',
      ...options,
    }),
  };
}

describe('AwsCaller', () => {
  it('retries throttling and counts every attempt', async () => {
    const { caller: c } = caller();
    const send = jest
      .fn()
      .mockRejectedValueOnce(awsError('TooManyRequestsException', 429))
      .mockResolvedValue('ok');
    await expect(c.call(target, op, send)).resolves.toBe('ok');
    expect(c.stats()).toEqual({ total: 2, byCommand: { GetStages: 2 } });
  });

  it('does not retry a refusal, and names the IAM action and resource', async () => {
    const { caller: c } = caller();
    const send = jest
      .fn()
      .mockRejectedValue(awsError('AccessDeniedException', 403));
    const error = (await c
      .call(target, op, send)
      .catch(e => e)) as AwsReadError;
    expect(send).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error.kind).toBe('access-denied');
    expect(error.message).toContain(
      'grant apigateway:GET on arn:aws:apigateway:us-east-1::/restapis/abc/stages',
    );
  });

  it('says expired credentials are not a missing permission', async () => {
    const { caller: c } = caller();
    const error = await c
      .call(target, op, () =>
        Promise.reject(awsError('ExpiredTokenException', 400)),
      )
      .catch(e => e);
    expect(error.kind).toBe('credentials');
    expect(error.message).toContain('not a missing permission');
    expect(error.message).not.toContain('grant');
  });

  it('waits the Retry-After AWS asks for, and holds the whole bucket', async () => {
    const { caller: c, limiter } = caller();
    const pause = jest.spyOn(limiter, 'pauseUntil');
    const send = jest
      .fn()
      .mockRejectedValueOnce(
        awsError('TooManyRequestsException', 429, { 'retry-after': '1' }),
      )
      .mockResolvedValue('ok');
    const start = Date.now();
    await expect(c.call(target, op, send)).resolves.toBe('ok');
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
    expect(pause).toHaveBeenCalled();
  });

  it('gives up on a Retry-After longer than it may wait, saying when to retry', async () => {
    const { caller: c } = caller({ maxRetryAfterMs: 500 });
    const error = await c
      .call(target, op, () =>
        Promise.reject(
          awsError('TooManyRequestsException', 429, { 'retry-after': '30' }),
        ),
      )
      .catch(e => e);
    expect(error.kind).toBe('throttled');
    expect(error.message).toContain('AWS asked to wait 30 s');
    expect(error.retryAt).toBeGreaterThan(Date.now() + 25_000);
  });

  it('bounds a hanging call by the timeout, then by the deadline', async () => {
    const { caller: c } = caller({ requestTimeoutMs: 50 });
    const hang = () => new Promise<never>(() => {});
    const start = Date.now();
    const error = await c
      .call(target, op, hang, { deadline: Date.now() + 120 })
      .catch(e => e);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('AWS did not answer');
    expect(Date.now() - start).toBeLessThan(500);
  });

  it('aborts the attempt it gives up on', async () => {
    const { caller: c } = caller({ requestTimeoutMs: 20, retries: 0 });
    let aborted = false;
    await c
      .call(target, op, signal => {
        signal.addEventListener('abort', () => {
          aborted = true;
        });
        return new Promise<never>(() => {});
      })
      .catch(() => undefined);
    expect(aborted).toBe(true);
  });
});
