import { RateLimiter, TokenBucket } from './RateLimiter';

/** A clock the test moves, and a sleep that moves it. */
function clock() {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then paces at the rate', async () => {
    const c = clock();
    const bucket = new TokenBucket(10, 10, c.now, c.sleep);
    const start = c.now();
    for (let i = 0; i < 30; i++) await bucket.take();
    // 10 at once, 20 more at 10/s: 2 s.
    expect(c.now() - start).toBeGreaterThanOrEqual(1990);
    expect(c.now() - start).toBeLessThanOrEqual(2100);
  });

  it('serves waiters in the order they came', async () => {
    const c = clock();
    const bucket = new TokenBucket(5, 1, c.now, c.sleep);
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(i => bucket.take().then(() => order.push(i))),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('holds every caller after pauseUntil, as AWS asked', async () => {
    const c = clock();
    const bucket = new TokenBucket(10, 10, c.now, c.sleep);
    bucket.pauseUntil(c.now() + 3000);
    const start = c.now();
    await bucket.take();
    expect(c.now() - start).toBeGreaterThanOrEqual(3000);
  });
});

describe('RateLimiter', () => {
  it('keeps one bucket per key, each at its own rate', async () => {
    const rates: string[] = [];
    const limiter = new RateLimiter(key => {
      rates.push(key);
      return key.startsWith('logs:') ? 4 : 8;
    });
    await limiter.take('logs:default:us-east-1');
    await limiter.take('logs:default:us-east-1');
    await limiter.take('apigateway:default:us-east-1');
    expect(rates).toEqual([
      'logs:default:us-east-1',
      'apigateway:default:us-east-1',
    ]);
  });
});
