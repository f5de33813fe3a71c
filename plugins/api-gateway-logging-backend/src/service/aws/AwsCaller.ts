import { RateLimiter } from './RateLimiter';
import { AwsReadError, classify, isRetryable, toReadError } from './errors';
import { AwsOperation, AwsTarget, targetKey } from './types';

/** Options of {@link AwsCaller}. */
export interface AwsCallerOptions {
  limiter: RateLimiter;
  /** One attempt's limit, credentials included. */
  requestTimeoutMs: number;
  /** Further attempts after a throttled or timed-out one. Default 2. */
  retries?: number;
  /** First backoff; doubled each retry, with jitter. Default 250 ms. */
  backoffMs?: number;
}

/**
 * Makes every AWS call of the plugin: waits for a token of the account's
 * and region's bucket, bounds each attempt in time, retries throttling and
 * timeouts with backoff (each retry takes a token too, so retries never
 * break the rate), and turns failures into {@link AwsReadError}s that name
 * the IAM action and resource.
 */
export class AwsCaller {
  private readonly counts = new Map<string, number>();
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(private readonly options: AwsCallerOptions) {
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 250;
  }

  /** Calls made so far, by SDK command (attempts, retries included). */
  stats(): { total: number; byCommand: Record<string, number> } {
    const byCommand = Object.fromEntries(this.counts);
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { total, byCommand };
  }

  async call<T>(
    target: AwsTarget,
    op: AwsOperation,
    send: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const key = `${op.service}:${targetKey(target)}`;
    for (let attempt = 1; ; attempt++) {
      await this.options.limiter.take(key);
      this.counts.set(op.name, (this.counts.get(op.name) ?? 0) + 1);
      try {
        return await this.attempt(send);
      } catch (error) {
        const kind = classify(error);
        if (!isRetryable(kind) || attempt > this.retries) {
          throw toReadError(error, op, target, attempt, rateKey(op));
        }
        const delay = this.backoffMs * 2 ** (attempt - 1);
        await sleep(delay / 2 + Math.random() * delay);
      }
    }
  }

  private async attempt<T>(
    send: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new AwsReadError(
            'timeout',
            `no answer within ${this.options.requestTimeoutMs} ms`,
          ),
        );
      }, this.options.requestTimeoutMs);
    });
    try {
      return await Promise.race([send(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function rateKey(op: AwsOperation): string {
  return op.service === 'apigateway'
    ? 'apiGatewayLogging.aws.apiGatewayRequestsPerSecond'
    : 'apiGatewayLogging.aws.logsRequestsPerSecond';
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
