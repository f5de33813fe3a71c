import { CacheService } from '@backstage/backend-plugin-api';

/** What the cache service stores: plain JSON. */
export type JsonValue = Parameters<CacheService['set']>[1];

/**
 * Reuses results: identical concurrent requests share one in-flight promise
 * (50 users opening the same tab make one set of AWS calls), and results
 * stay in the backend's cache service for a TTL. Failures are shared by the
 * concurrent callers but never cached.
 */
export class Memo {
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number,
  ) {}

  /** `load` must resolve to plain JSON (no class instances, no undefined). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running) return running as Promise<T>;
    const promise = this.read(key, load).finally(() =>
      this.inflight.delete(key),
    );
    this.inflight.set(key, promise);
    return promise;
  }

  private async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cached = await this.safeGet<T>(key);
    if (cached !== undefined) return cached;
    const value = await load();
    // A cache outage must not fail the audit: the value is still returned.
    await this.cache
      .set(key, value as JsonValue, { ttl: this.ttlMs })
      .catch(() => {});
    return value;
  }

  private async safeGet<T>(key: string): Promise<T | undefined> {
    try {
      return (await this.cache.get(key)) as T | undefined;
    } catch {
      return undefined;
    }
  }
}
