import { compileAccessLogFormat } from '../accessLog';
import {
  azulFieldValueRows,
  fixtureFormats,
  renderLine,
  requestValues,
} from '../accessLog/__testUtils__/formats';
import {
  FAILURE_MESSAGE_PHRASES,
  isFailureMessage,
  isValidRequestId,
  parseExecutionLog,
  type ExecutionTrace,
} from '../parser';
import { fixtureLog, fixtureNames } from '../parser/__testUtils__/fixtures';
import { accessLogFailurePattern } from './accessLogPattern';
import { matchesFilterPattern } from './evaluate/matchesFilterPattern';
import { failurePatterns } from './failurePatterns';
import type { FilterPatternMode } from './types';

/*
 * The generated patterns, run the way CloudWatch Logs would run them
 * (matchesFilterPattern, the documented syntax), select every failing
 * request and no successful one: over every request of the execution-log
 * fixtures, over access-log records rendered in every fixture format, and
 * over the statuses issue 13 found missing.
 */

const MODES: FilterPatternMode[] = ['any-term', 'exact-phrase'];

/** The message as CloudWatch stores it: `(requestId) message`. */
function cloudWatchMessage(trace: ExecutionTrace, message: string): string {
  return isValidRequestId(trace.requestId)
    ? `(${trace.requestId}) ${message}`
    : message;
}

const traces = fixtureNames().flatMap(name =>
  parseExecutionLog(fixtureLog(name), { redact: false }).map(trace => ({
    name,
    trace,
  })),
);

describe.each(MODES)('%s patterns over the execution-log fixtures', mode => {
  const patterns = failurePatterns(mode);
  const selected = (message: string) =>
    patterns.some(p => matchesFilterPattern(p, message));

  it('select an event of every failing request, and one the parser keeps', () => {
    const missed: string[] = [];
    let failing = 0;
    for (const { name, trace } of traces) {
      if (!trace.failure) continue;
      failing++;
      const kept = trace.events.filter(
        e =>
          selected(cloudWatchMessage(trace, e.message)) &&
          isFailureMessage(e.message),
      );
      if (kept.length === 0) missed.push(`${name} ${trace.requestId}`);
    }
    expect(missed).toEqual([]);
    expect(failing).toBeGreaterThanOrEqual(18);
  });

  it('select no event of a request that did not fail', () => {
    const wrong: string[] = [];
    let succeeded = 0;
    for (const { name, trace } of traces) {
      if (trace.failure) continue;
      succeeded++;
      for (const e of trace.events)
        if (selected(cloudWatchMessage(trace, e.message)))
          wrong.push(`${name} ${trace.requestId}: ${e.message.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
    expect(succeeded).toBeGreaterThanOrEqual(11);
  });

  // 19 statuses the old pattern listed, and those issue 13 found missing.
  const FAILING = [
    400, 401, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
    416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 499, 500,
    501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 599,
  ];
  const SUCCEEDING = [200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308];

  it.each(FAILING)('select `Method completed with status: %i`', status => {
    const message = `(${'4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998'}) Method completed with status: ${status}`;
    expect(selected(message)).toBe(true);
  });

  it.each(SUCCEEDING)('leave `Method completed with status: %i`', status => {
    expect(
      selected(
        `(4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998) Method completed with status: ${status}`,
      ),
    ).toBe(false);
  });
});

describe('both modes select the same events', () => {
  const select = (mode: FilterPatternMode, message: string) =>
    failurePatterns(mode).some(p => matchesFilterPattern(p, message));

  it('on every event of the fixtures', () => {
    const differ = traces.flatMap(({ trace }) =>
      trace.events
        .map(e => cloudWatchMessage(trace, e.message))
        .filter(m => select('any-term', m) !== select('exact-phrase', m)),
    );
    expect(differ).toEqual([]);
  });

  it.each(FAILURE_MESSAGE_PHRASES.map(p => [p]))(
    'on a request whose only failure line holds "%s"',
    phrase => {
      const message = `(4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998) before ${phrase} after`;
      expect(isFailureMessage(message)).toBe(true);
      expect(select('any-term', message)).toBe(true);
      expect(select('exact-phrase', message)).toBe(true);
    },
  );
});

describe('access-log patterns over records rendered in each fixture format', () => {
  const STATUSES = [
    200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 407, 412, 429, 451, 500,
    502, 503, 504, 511,
  ];

  it.each(fixtureFormats().map(f => [f.label, f.format]))(
    '%s: every failing record selected, no successful one',
    (_label, format) => {
      const compiled = compileAccessLogFormat(format);
      const pattern = accessLogFailurePattern(compiled, 'any-term');
      const wrong: string[] = [];
      for (const status of STATUSES) {
        const line = renderLine(format, requestValues(status));
        // Read back by the compiled format, whatever the pattern.
        if (compiled.parse(line)?.status !== status)
          wrong.push(`unread ${status}`);
        // No pattern: the backend reads every record and filters itself.
        const picked =
          pattern === undefined || matchesFilterPattern(pattern, line);
        if (status >= 400 && !picked) wrong.push(`missed ${status}`);
        if (status < 400 && pattern !== undefined && picked)
          wrong.push(`picked ${status}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it('azul: every row of the real field-value table, by its status', () => {
    const format = fixtureFormats().find(f =>
      f.label.includes('azul-terraform'),
    )!.format;
    const pattern = accessLogFailurePattern(
      compileAccessLogFormat(format),
      'any-term',
    )!;
    const rows = azulFieldValueRows();
    expect(
      rows.map(v => matchesFilterPattern(pattern, renderLine(format, v))),
    ).toEqual(rows.map(v => Number(v.status) >= 400));
  });

  it('knows the limit of JSON patterns: a quote in a value makes the line invalid JSON', () => {
    const format = fixtureFormats().find(f =>
      f.label.includes('azul-terraform'),
    )!.format;
    const compiled = compileAccessLogFormat(format);
    const line = renderLine(
      format,
      requestValues(403, { 'identity.userAgent': 'x" evil' }),
    );
    expect(
      matchesFilterPattern(
        accessLogFailurePattern(compiled, 'any-term')!,
        line,
      ),
    ).toBe(false);
    // The compiled format still reads it, so a full read finds it.
    expect(compiled.parse(line)?.status).toBe(403);
  });
});
