/* eslint-disable no-console */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import {
  assembleTraces,
  createTraceAssembler,
  parseExecutionLog,
} from '../src/parser';

/**
 * Throughput of `assembleTraces` on >= 1,000,000 interleaved CloudWatch
 * events built from the real fixtures, next to a baseline that only splits
 * lines and extracts the request-id prefix with one regular expression.
 *
 *   yarn workspace @internal/plugin-api-gateway-logging-common bench
 *   (node --expose-gc gives cleaner memory figures)
 */

const FIXTURES = join(__dirname, '../src/__fixtures__/execution-logs');
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const STREAMS = 300;

interface RawEvent {
  message: string;
  timestamp: number;
  logStreamName: string;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Request templates: the message bodies of every trace of every fixture. */
function templates(): Array<{ id: string; bodies: string[] }> {
  const out: Array<{ id: string; bodies: string[] }> = [];
  for (const name of readdirSync(FIXTURES).filter(n => n.endsWith('.log'))) {
    const text = readFileSync(join(FIXTURES, name), 'utf8').replace(
      /^(# .*\n)+/,
      '',
    );
    for (const trace of parseExecutionLog(text, { redact: false })) {
      out.push({
        id: trace.requestId,
        bodies: trace.events.map(e => e.message),
      });
    }
  }
  return out;
}

/** Interleaved events of fresh requests, as FilterLogEvents would return. */
function buildStream(): RawEvent[] {
  const random = prng(2024);
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
    return s;
  };
  const requests = templates();
  const events: RawEvent[] = [];
  const window: Array<{
    id: string;
    bodies: string[];
    next: number;
    stream: string;
  }> = [];
  let clock = Date.UTC(2024, 0, 1);
  let r = 0;
  while (events.length < TARGET_EVENTS) {
    // Keep ~200 requests in flight and pick the next event among them.
    while (window.length < 200) {
      const t = requests[r++ % requests.length];
      const id = `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
      window.push({
        id,
        bodies: t.bodies.map(b => b.split(t.id).join(id)),
        next: 0,
        stream: `2024/01/01/[$LATEST]${Math.floor(random() * STREAMS)}`,
      });
    }
    const i = Math.floor(random() * window.length);
    const req = window[i];
    const message = `(${req.id}) ${req.bodies[req.next++]}`;
    /^/.test(message); // flatten now, so neither contender pays for it
    events.push({
      message,
      timestamp: (clock += 1),
      logStreamName: req.stream,
    });
    if (req.next >= req.bodies.length) window.splice(i, 1);
  }
  return events;
}

const PREFIX = /^\(([^)\s]{1,64})\) /;

/** The floor: split lines and read the request id, nothing else. */
function baseline(events: RawEvent[]): number {
  let found = 0;
  for (const event of events) {
    for (const line of event.message.split('\n')) {
      if (PREFIX.exec(line)) found++;
    }
  }
  return found;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function measure(
  name: string,
  events: RawEvent[],
  bytes: number,
  run: () => unknown,
) {
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  // The run is synchronous, so memory is sampled when it ends (all traces
  // still referenced), which is its peak for these workloads.
  const probe = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const started = process.hrtime.bigint();
  const result = run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  probe();
  const mb = 1024 * 1024;
  const row = {
    name,
    seconds,
    eventsPerSecond: events.length / seconds,
    mbPerSecond: bytes / mb / seconds,
    peakHeapMb: peakHeap / mb,
    peakRssMb: peakRss / mb,
    heapGrowthMb: (peakHeap - before.heapUsed) / mb,
  };
  console.log(
    `${name.padEnd(16)} ${row.seconds.toFixed(2)} s  ${Math.round(
      row.eventsPerSecond,
    ).toLocaleString('en')} events/s  ${row.mbPerSecond.toFixed(
      1,
    )} MB/s  peak heap ${row.peakHeapMb.toFixed(
      0,
    )} MB (+${row.heapGrowthMb.toFixed(0)})  peak rss ${row.peakRssMb.toFixed(
      0,
    )} MB`,
  );
  return { row, result };
}

function main(): void {
  const events = buildStream();
  let bytes = 0;
  for (const e of events) bytes += e.message.length;
  console.log(
    `input: ${events.length.toLocaleString('en')} events, ${(
      bytes /
      1024 /
      1024
    ).toFixed(
      1,
    )} MB of messages, ${STREAMS} streams, ~200 requests interleaved`,
  );
  // Warm both code paths up on a slice first.
  baseline(events.slice(0, 50_000));
  assembleTraces(events.slice(0, 50_000));

  const base = measure('baseline', events, bytes, () => baseline(events));
  const full = measure('assembleTraces', events, bytes, () =>
    assembleTraces(events),
  );
  const traces = full.result as unknown[];
  console.log(`traces: ${traces.length.toLocaleString('en')}`);
  const stream = measure('streaming', events, bytes, () => {
    // Same work, but traces are consumed as they complete instead of being
    // returned all at once: memory stays bounded by the open-trace caps.
    let count = 0;
    const assembler = createTraceAssembler({ maxOpenTraces: 1_000 }, () => {
      count++;
    });
    for (const event of events) assembler.push(event);
    assembler.flush();
    return count;
  });
  console.log(
    `streamed traces: ${(stream.result as number).toLocaleString('en')}`,
  );
  const ratio = full.row.eventsPerSecond / base.row.eventsPerSecond;
  console.log(
    `ratio: full parse runs at ${(ratio * 100).toFixed(
      1,
    )}% of the baseline's throughput (target >= 40%)`,
  );
}

main();
