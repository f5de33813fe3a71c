import {
  AwsAccessService,
  AwsCallOptions,
  AwsClientClass,
  AwsOperation,
  AwsTarget,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/**
 * Makes one SDK call through the shared AWS access: the account's client,
 * the rate limiter, the time bound and the retries. `call` sends one
 * command with the abort signal, e.g.
 * `(client, abortSignal) => client.send(new GetAccountCommand({}), { abortSignal })`.
 */
export function send<C, Output>(
  aws: AwsAccessService,
  target: AwsTarget,
  Client: AwsClientClass<C>,
  op: AwsOperation,
  call: (client: C, abortSignal: AbortSignal) => Promise<Output>,
  options?: AwsCallOptions,
): Promise<Output> {
  return aws.call(
    target,
    op,
    async abortSignal => call(await aws.client(target, Client), abortSignal),
    options,
  );
}
