import { RateLimiter } from './RateLimiter';
import {
  AwsReadError,
  classify,
  isRetryable,
  retryAfterMs,
  toReadError,
} from './errors';
import { AwsOperation, AwsTarget, targetKey } from './target';

/** Options of {@link AwsCaller}. @public */
export interface AwsCallerOptions {
  limiter: RateLimiter;
  /** One attempt's limit, credentials included. */
  requestTimeoutMs: number;
  /** Further attempts after a throttled or failed one. Default 2. */
  retries?: number;
  /** First backoff; doubled each retry, with jitter. Default 250 ms. */
  backoffMs?: number;
  /** A `Retry-After` longer than this is not waited for: the call fails with it. Default 10 s. */
  maxRetryAfterMs?: number;
  /** The config key that sets a service's rate, named when AWS throttles. */
  rateConfigKey?: (service: string) => string;
  now?: () => number;
}

/** Per-call limits. @public */
export interface AwsCallOptions {
  /**
   * No attempt starts after this time (epoch ms), and the last one is cut
   * short at it: an interactive request answers in bounded time even when
   * AWS hangs.
   */
  deadline?: number;
}

/** Calls made, by SDK command (attempts, retries included). @public */
export interface AwsCallStats {
  total: number;
  byCommand: Record<string, number>;
}

/**
 * Makes every AWS call: waits for a token of the service's, account's and
 * region's bucket, bounds each attempt in time, retries throttling, timeouts
 * and 5xx with backoff (each retry takes a token too, so retries never break
 * the rate; a `Retry-After` holds the whole bucket), and turns failures into
 * {@link AwsReadError}s that say what to do. SDK retries are off: they would
 * not be rate-limited.
 *
 * @public
 */
export class AwsCaller {
  private readonly counts = new Map<string, number>();
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AwsCallerOptions) {
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  stats(): AwsCallStats {
    const byCommand = Object.fromEntries(this.counts);
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { total, byCommand };
  }

  async call<T>(
    target: AwsTarget,
    op: AwsOperation,
    send: (abortSignal: AbortSignal) => Promise<T>,
    callOptions: AwsCallOptions = {},
  ): Promise<T> {
    const key = `${op.service}:${targetKey(target)}`;
    const { deadline } = callOptions;
    for (let attempt = 1; ; attempt++) {
      await this.options.limiter.take(key);
      const left = deadline === undefined ? Infinity : deadline - this.now();
      if (left <= 0) throw this.outOfTime(op, target, attempt - 1);
      this.counts.set(op.name, (this.counts.get(op.name) ?? 0) + 1);
      try {
        return await this.attempt(
          send,
          Math.min(this.options.requestTimeoutMs, left),
        );
      } catch (error) {
        const kind = classify(error);
        const wait = retryAfterMs(error, this.now());
        if (wait !== undefined)
          this.options.limiter.pauseUntil(key, this.now() + wait);
        const delay = Math.max(
          wait ?? 0,
          this.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()),
        );
        const tooLong =
          (wait ?? 0) > this.maxRetryAfterMs ||
          (deadline !== undefined && this.now() + delay >= deadline);
        if (!isRetryable(kind) || attempt > this.retries || tooLong) {
          throw toReadError(error, op, target, {
            attempts: attempt,
            rateConfigKey: this.rateKey(op),
            now: this.now(),
          });
        }
        await sleep(delay);
      }
    }
  }

  private rateKey(op: AwsOperation): string {
    return (
      this.options.rateConfigKey?.(op.service) ??
      `the request rate of ${op.service}`
    );
  }

  private outOfTime(op: AwsOperation, target: AwsTarget, attempts: number) {
    return toReadError(
      new AwsReadError(
        'timeout',
        attempts === 0
          ? "the request's deadline passed before the call could be made"
          : `no answer before the request's deadline (${attempts} attempts)`,
      ),
      op,
      target,
      { attempts, rateConfigKey: this.rateKey(op) },
    );
  }

  private async attempt<T>(
    send: (abortSignal: AbortSignal) => Promise<T>,
    timeoutMs: number,
  ): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new AwsReadError(
            'timeout',
            `no answer within ${Math.round(timeoutMs)} ms`,
          ),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([send(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
