import { fixtureLog, prng, uuid } from './__testUtils__/fixtures';
import { assembleTraces, parseExecutionLog } from './parse';
import type { ExecutionTrace, RawLogEvent } from './types';

// Fixtures in the CloudWatch `(requestId) message` layout, one event a line.
const SOURCES = [
  'ericallam-key-throttle-429.log',
  'ericallam-lambda-timeout-502.log',
  'ericallam-multi-request-malformed-502.log',
  'ericallam-parse-lambda-proxy-200.log',
  'tmobile-jazz-two-requests-200.log',
];

/** A trace without what only the CloudWatch side knows (time, stream). */
function comparable(trace: ExecutionTrace) {
  const { startTime, endTime, events, ...rest } = trace;
  return {
    ...rest,
    events: events.map(({ timestamp, logStreamName, ...e }) => e),
  };
}

describe('assembleTraces on interleaved CloudWatch events', () => {
  it('rebuilds the same traces as parsing each request on its own', () => {
    const random = prng(42);
    const expected: ExecutionTrace[] = [];
    const events: RawLogEvent[] = [];
    const clock = Date.UTC(2024, 0, 1);

    for (let copy = 0; copy < 30; copy++) {
      for (const source of SOURCES) {
        let text = fixtureLog(source);
        // Fresh ids for each request of each copy.
        const ids = new Set(text.match(/^\(([0-9a-f-]{36})\)/gm) ?? []);
        for (const prefixed of ids) {
          const old = prefixed.slice(1, -1);
          text = text.split(old).join(uuid(random));
        }
        expected.push(...parseExecutionLog(text));
        // Strictly rising timestamps within a request (requests overlap freely
        // once shuffled).
        const clocks = new Map<string, number>();
        for (const block of text.split('\n').filter(Boolean)) {
          const id = block.slice(1, 37);
          const last = clocks.get(id) ?? clock + Math.floor(random() * 60_000);
          const start = last + 1 + Math.floor(random() * 5);
          clocks.set(id, start);
          events.push({
            message: block,
            timestamp: start,
            logStreamName: `stream-${Math.floor(random() * 50)}`,
          });
        }
      }
    }
    // Timestamps rise within a request; arrival order is then shuffled.
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [events[i], events[j]] = [events[j], events[i]];
    }
    const shuffled = events.map(({ message, timestamp, logStreamName }) => ({
      message,
      timestamp,
      logStreamName,
    }));
    const traces = assembleTraces(shuffled);

    expect(events.length).toBeGreaterThan(3000);
    const byId = (a: ExecutionTrace, b: ExecutionTrace) =>
      a.requestId.localeCompare(b.requestId);
    expect(traces.map(comparable).sort(byId)).toEqual(
      expected.map(comparable).sort(byId),
    );
    // Arriving in timestamp order (the summary is then built as events
    // arrive, not recomputed at the end) gives the same traces.
    const inOrder = assembleTraces(
      [...shuffled].sort((a, b) => a.timestamp! - b.timestamp!),
    );
    expect(inOrder.sort(byId)).toEqual([...traces].sort(byId));
    for (const trace of traces) {
      const times = trace.events.map(e => e.timestamp!);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(trace.startTime).toBe(times[0]);
      expect(trace.endTime).toBe(times[times.length - 1]);
    }
  });

  it('orders events with equal timestamps by arrival', () => {
    const id = '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998';
    const [trace] = assembleTraces([
      { message: `(${id}) Method completed with status: 200`, timestamp: 5 },
      {
        message: `(${id}) Starting execution for request: ${id}`,
        timestamp: 1,
      },
      { message: `(${id}) Successfully completed execution`, timestamp: 5 },
      { message: `(${id}) HTTP Method: GET, Resource Path: /a`, timestamp: 1 },
    ]);
    expect(trace.events.map(e => e.kind)).toEqual([
      'execution-start',
      'method-request',
      'method-completed',
      'execution-succeeded',
    ]);
  });

  it('groups unprefixed 2016-era events by the request they name, per stream', () => {
    const a = '9ac0eacd-87c5-11e6-b30c-19c3d9849330';
    const b = '9537d573-87c5-11e6-b3e4-6f23bc206746';
    const traces = assembleTraces([
      {
        message: `Starting execution for request: ${a}`,
        timestamp: 1,
        logStreamName: 's1',
      },
      {
        message: `Starting execution for request: ${b}`,
        timestamp: 1,
        logStreamName: 's2',
      },
      {
        message: 'Method completed with status: 200',
        timestamp: 2,
        logStreamName: 's1',
      },
      {
        message: 'Method completed with status: 502',
        timestamp: 2,
        logStreamName: 's2',
      },
    ]);
    expect(traces.map(t => [t.requestId, t.status])).toEqual([
      [a, 200],
      [b, 502],
    ]);
  });
});
