import {
  AwsAccessService,
  AwsCaller,
  AwsTarget,
  RateLimiter,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/**
 * An AWS access whose clients come from the test (e.g. aws-sdk-client-mock
 * instances per account), with the real caller: rate limiting, timeouts and
 * retries (1 ms backoff) behave as in production. For what moto cannot do:
 * refuse access, throttle, hang.
 */
export function fakeAwsAccess(
  clientFor: (target: AwsTarget, clientClassName: string) => unknown,
  requestTimeoutMs = 1000,
): AwsAccessService {
  const caller = new AwsCaller({
    limiter: new RateLimiter(() => 1000),
    requestTimeoutMs,
    backoffMs: 1,
  });
  return {
    client: async (target, Client) => clientFor(target, Client.name) as any,
    call: (target, op, send, options) => caller.call(target, op, send, options),
    stats: () => caller.stats(),
  };
}
