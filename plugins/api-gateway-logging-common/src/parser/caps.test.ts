import { TraceAssembler, type EmittedTrace } from './assembler';
import { prng, uuid } from './__testUtils__/fixtures';
import { assembleTraces } from './parse';
import {
  DEFAULT_MAX_EVENTS_PER_TRACE,
  DEFAULT_MAX_OPEN_TRACES,
} from './limits';

describe('memory caps', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_MAX_OPEN_TRACES).toBe(10_000);
    expect(DEFAULT_MAX_EVENTS_PER_TRACE).toBe(500);
  });

  it('emits the oldest open trace once maxOpenTraces is reached, losing nothing', () => {
    const random = prng(7);
    const ids = Array.from({ length: 50 }, () => uuid(random));
    const emitted: EmittedTrace[] = [];
    const assembler = new TraceAssembler({ maxOpenTraces: 10 }, e =>
      emitted.push(e),
    );
    let peakOpen = 0;
    ids.forEach((id, n) => {
      assembler.push({
        message: `(${id}) Starting execution for request: ${id}`,
        timestamp: n,
      });
      assembler.push({
        message: `(${id}) Method completed with status: 200`,
        timestamp: n,
      });
      peakOpen = Math.max(peakOpen, n + 1 - emitted.length);
    });
    expect(peakOpen).toBe(10);
    // Oldest first.
    expect(emitted.slice(0, 40).map(e => e.trace.requestId)).toEqual(
      ids.slice(0, 40),
    );
    assembler.flush();
    expect(emitted.map(e => e.trace.requestId)).toEqual(ids);
    expect(emitted.every(e => e.trace.status === 200)).toBe(true);
  });

  it('returns evicted traces in arrival order from assembleTraces', () => {
    const random = prng(8);
    const ids = Array.from({ length: 30 }, () => uuid(random));
    const traces = assembleTraces(
      ids.map(id => ({ message: `(${id}) Method completed with status: 500` })),
      { maxOpenTraces: 3 },
    );
    expect(traces.map(t => t.requestId)).toEqual(ids);
  });

  it('caps events per trace but keeps the verdict', () => {
    const id = '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998';
    const events = [
      { message: `(${id}) Starting execution for request: ${id}` },
      ...Array.from({ length: 1000 }, (_, n) => ({
        message: `(${id}) Method request headers: {n=${n}}`,
      })),
      { message: `(${id}) Execution failed due to a timeout error` },
      { message: `(${id}) Method completed with status: 504` },
    ];
    const [trace] = assembleTraces(events, { maxEventsPerTrace: 100 });
    expect(trace.events).toHaveLength(102);
    expect(trace.droppedEvents).toBe(901);
    expect(trace.status).toBe(504);
    expect(trace.failure?.category).toBe('integration-timeout');
  });

  it('caps the message length kept per event', () => {
    const [trace] = assembleTraces(
      [
        {
          message: `Endpoint response body before transformations: ${'x'.repeat(
            50_000,
          )}`,
        },
      ],
      { maxMessageLength: 100 },
    );
    expect(trace.events[0].message).toHaveLength(100);
    expect(trace.events[0].truncated).toBe(true);
  });
});
