import { memoryCache } from '../__testUtils__/memoryCache';
import { Memo } from './Memo';

describe('Memo', () => {
  it('makes one load for concurrent identical requests', async () => {
    const memo = new Memo(memoryCache(), 60_000);
    let calls = 0;
    const load = async () => {
      calls++;
      await new Promise(r => setTimeout(r, 10));
      return { value: 1 };
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => memo.get('k', load)),
    );
    expect(calls).toBe(1);
    expect(new Set(results.map(r => JSON.stringify(r))).size).toBe(1);
  });

  it('serves a cached value until its TTL, then loads again', async () => {
    const memo = new Memo(memoryCache(), 30);
    const load = jest.fn().mockResolvedValue(1);
    await memo.get('k', load);
    await memo.get('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    await new Promise(r => setTimeout(r, 50));
    await memo.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares a failure with concurrent callers but never caches it', async () => {
    const memo = new Memo(memoryCache(), 60_000);
    const load = jest
      .fn()
      .mockRejectedValueOnce(new Error('throttled'))
      .mockResolvedValue('ok');
    const both = await Promise.allSettled([
      memo.get('k', load),
      memo.get('k', load),
    ]);
    expect(both.map(r => r.status)).toEqual(['rejected', 'rejected']);
    await expect(memo.get('k', load)).resolves.toBe('ok');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('still answers when the cache service is down', async () => {
    const broken = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
      delete: () => Promise.resolve(),
      withOptions: () => broken,
    } as any;
    const memo = new Memo(broken, 60_000);
    await expect(memo.get('k', async () => 'fresh')).resolves.toBe('fresh');
  });
});
