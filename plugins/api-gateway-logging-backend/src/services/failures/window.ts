import {
  FailureBucket,
  FailureCategory,
  FailureItem,
} from '@apigw-logging/plugin-api-gateway-logging-common';

const NICE_BUCKETS_MS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800].map(
  s => s * 1000,
);

/** A bucket width giving about 30 buckets over the window. */
export function bucketWidth(from: number, to: number): number {
  const target = (to - from) / 30;
  return (
    NICE_BUCKETS_MS.find(ms => ms >= target) ??
    NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1]
  );
}

/** Failures per category over time, every bucket present (zeros included). */
export function bucketize(
  items: readonly FailureItem[],
  from: number,
  to: number,
) {
  const bucketMs = bucketWidth(from, to);
  const first = Math.floor(from / bucketMs) * bucketMs;
  const buckets: FailureBucket[] = [];
  for (let start = first; start < to; start += bucketMs)
    buckets.push({ start, counts: {} });
  const counts: Partial<Record<FailureCategory, number>> = {};
  for (const item of items) {
    counts[item.category] = (counts[item.category] ?? 0) + 1;
    const index = Math.floor((item.time - first) / bucketMs);
    const bucket = buckets[Math.min(Math.max(index, 0), buckets.length - 1)];
    if (bucket)
      bucket.counts[item.category] = (bucket.counts[item.category] ?? 0) + 1;
  }
  return { bucketMs, buckets, counts };
}

/** An opaque cursor that pins the window, so later pages read the same one. */
export interface FailuresCursor {
  from: number;
  to: number;
  offset: number;
}

export function encodeCursor(cursor: FailuresCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor })).toString('base64url');
}

/** Decodes a cursor; undefined when it is not one of ours. */
export function decodeCursor(text: string): FailuresCursor | undefined {
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const { v, from, to, offset } = value ?? {};
    const ok =
      v === 1 &&
      [from, to, offset].every(n => Number.isSafeInteger(n) && n >= 0) &&
      from < to;
    return ok ? { from, to, offset } : undefined;
  } catch {
    return undefined;
  }
}
