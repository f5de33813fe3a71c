/**
 * A token bucket: `rate` calls per second, bursts of up to `burst`. Waiters
 * are served in order.
 *
 * @public
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly rate: number,
    private readonly burst: number = Math.max(1, rate),
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = ms =>
      new Promise(resolve => setTimeout(resolve, ms)),
  ) {
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Resolves when the caller may make one call. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn;
    return turn;
  }

  /**
   * Empties the bucket until `until` (epoch ms): AWS said to back off, so
   * every caller of this account and region waits, not only the refused one.
   */
  pauseUntil(until: number): void {
    const now = this.now();
    if (until <= now) return;
    this.refill(now);
    this.tokens = Math.min(this.tokens, 0) - ((until - now) / 1000) * this.rate;
  }

  private refill(now: number): void {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.last) / 1000) * this.rate,
    );
    this.last = now;
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      this.refill(this.now());
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000));
    }
  }
}

/**
 * One token bucket per key (service, account and region), made on demand.
 *
 * @public
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly ratePerKey: (key: string) => number) {}

  /** Waits for a token of the key's bucket. */
  take(key: string): Promise<void> {
    return this.bucket(key).take();
  }

  /** Holds every caller of the key until `until` (epoch ms). */
  pauseUntil(key: string, until: number): void {
    this.bucket(key).pauseUntil(until);
  }

  private bucket(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerKey(key));
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
