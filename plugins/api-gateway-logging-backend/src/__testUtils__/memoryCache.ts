import { CacheService } from '@backstage/backend-plugin-api';

/** An in-memory CacheService with TTLs, for tests and the bench. */
export function memoryCache(defaultTtlMs = 60_000): CacheService {
  const store = new Map<string, { value: any; expires: number }>();
  const cache: CacheService = {
    async get(key) {
      const entry = store.get(key);
      if (!entry || entry.expires < Date.now()) return undefined;
      return JSON.parse(JSON.stringify(entry.value));
    },
    async set(key, value, options) {
      const ttl = options?.ttl;
      const ms = typeof ttl === 'number' ? ttl : defaultTtlMs;
      store.set(key, {
        value: JSON.parse(JSON.stringify(value)),
        expires: Date.now() + ms,
      });
    },
    async delete(key) {
      store.delete(key);
    },
    withOptions() {
      return cache;
    },
  };
  return cache;
}
