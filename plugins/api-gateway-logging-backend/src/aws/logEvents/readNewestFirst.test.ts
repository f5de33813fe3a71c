import { LogEvent } from '@apigw-logging/plugin-api-gateway-logging-node';
import { ForwardRead, LogEventQuery, LogEventReader } from './LogEventReader';
import { readNewestFirst } from './readNewestFirst';

/** A reader over events in memory, `pageSize` per call, oldest first, as FilterLogEvents. */
function memoryReader(events: LogEvent[], pageSize = 10) {
  const reads: Array<[number, number]> = [];
  const reader = {
    async read(query: LogEventQuery, limits: any): Promise<ForwardRead> {
      reads.push([query.startTime, query.endTime]);
      const inWindow = events.filter(
        e => e.timestamp! >= query.startTime && e.timestamp! < query.endTime,
      );
      const out: LogEvent[] = [];
      let calls = 0;
      while (out.length < inWindow.length) {
        out.push(...inWindow.slice(out.length, out.length + pageSize));
        calls++;
        if (
          out.length < inWindow.length &&
          (out.length >= limits.maxEvents || calls >= limits.maxCalls)
        ) {
          return {
            events: out,
            complete: false,
            readTo: out[out.length - 1].timestamp!,
            calls,
          };
        }
      }
      return {
        events: out,
        complete: true,
        readTo: query.endTime,
        calls: calls || 1,
      };
    },
  } as unknown as LogEventReader;
  return { reader, reads };
}

const HOUR = 3_600_000;
const events = (count: number, from: number, to: number) =>
  Array.from({ length: count }, (_, i) => ({
    message: `e${i}`,
    timestamp: from + Math.floor(((to - from) * i) / count),
  }));

describe('readNewestFirst', () => {
  const query = {
    target: { region: 'us-east-1' },
    logGroupName: 'g',
    startTime: 0,
    endTime: HOUR,
  };

  it('reads a sparse window whole, in one pass', async () => {
    const { reader, reads } = memoryReader(events(15, 0, HOUR));
    const read = await readNewestFirst(reader, query, {
      maxEvents: 100,
      maxCalls: 20,
    });
    expect(read).toMatchObject({ complete: true, readFrom: 0 });
    expect(read.events).toHaveLength(15);
    expect(reads).toHaveLength(1);
  });

  it('keeps the NEWEST events when a cap cuts a dense window, and says from when', async () => {
    const all = events(1000, 0, HOUR);
    const { reader } = memoryReader(all);
    const read = await readNewestFirst(reader, query, {
      maxEvents: 300,
      maxCalls: 100,
    });
    expect(read.complete).toBe(false);
    expect(read.readFrom).toBeGreaterThan(0);
    // Everything from readFrom to the end, and nothing older.
    const expected = all.filter(e => e.timestamp! >= read.readFrom);
    expect(read.events.map(e => e.message)).toEqual(
      expected.map(e => e.message),
    );
    expect(read.events[read.events.length - 1].message).toBe('e999');
  });

  it('stops at the deadline with what it has read', async () => {
    const { reader } = memoryReader(events(1000, 0, HOUR));
    const read = await readNewestFirst(reader, query, {
      maxEvents: 10_000,
      maxCalls: 4,
      deadline: Date.now() - 1,
    });
    expect(read.complete).toBe(false);
  });
});
