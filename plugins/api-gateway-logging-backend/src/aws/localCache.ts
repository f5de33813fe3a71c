import { CacheService } from '@backstage/backend-plugin-api';

/**
 * A cache in this process's memory, for reads that must be fresh across
 * runs but shared within one (a sweep reads each API's stages once for
 * every stage and check).
 */
export function localCache(): CacheService {
  const store = new Map<string, { value: unknown; expires: number }>();
  const cache: CacheService = {
    async get(key) {
      const entry = store.get(key);
      if (!entry || entry.expires < Date.now()) return undefined;
      return entry.value as any;
    },
    async set(key, value, options) {
      const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
      store.set(key, { value, expires: Date.now() + ttl });
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
