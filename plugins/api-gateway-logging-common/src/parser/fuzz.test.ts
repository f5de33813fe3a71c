import { fixtureLog, fixtureNames, prng } from './__testUtils__/fixtures';
import { assembleTraces, parseExecutionLog } from './parse';
import { redactText } from './redact';
import type { ExecutionTrace } from './types';

const MAX = 4096;

/** Output invariants that must hold whatever the input. */
function checkShape(traces: ExecutionTrace[]): void {
  expect(Array.isArray(traces)).toBe(true);
  for (const trace of traces) {
    expect(typeof trace.requestId).toBe('string');
    for (const event of trace.events) {
      expect(typeof event.kind).toBe('string');
      expect(typeof event.message).toBe('string');
      expect(event.message.length).toBeLessThanOrEqual(MAX);
      expect(typeof event.truncated).toBe('boolean');
    }
  }
}

function randomText(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.05) out += '\n';
    else if (r < 0.1) out += '({[]}),="\\: '[Math.floor(random() * 12)];
    else if (r < 0.15)
      out += String.fromCharCode(0xd800 + Math.floor(random() * 0x800));
    else out += String.fromCharCode(Math.floor(random() * 0x10000));
  }
  return out;
}

const lines = fixtureNames().flatMap(name => fixtureLog(name).split('\n'));

function mutate(random: () => number, line: string): string {
  let text = line;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (text.length + 1));
    const op = Math.floor(random() * 6);
    if (op === 0)
      text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
    else if (op === 1)
      text = text.slice(0, at) + randomText(random, 5) + text.slice(at);
    else if (op === 2)
      text =
        text.slice(0, at) +
        lines[Math.floor(random() * lines.length)] +
        text.slice(at);
    else if (op === 3) text = text.slice(at) + text.slice(0, at);
    else if (op === 4)
      text = `${text.slice(0, at)}[TRUNCATED]${text.slice(at)}`;
    else text = text.slice(0, at) + text.slice(0, at);
  }
  return text;
}

describe('fuzz (seeded, deterministic)', () => {
  it('never throws on random text', () => {
    const random = prng(1);
    for (let i = 0; i < 300; i++) {
      const text = randomText(random, Math.floor(random() * 3000));
      checkShape(parseExecutionLog(text));
      checkShape(assembleTraces([{ message: text }]));
      expect(typeof redactText(text)).toBe('string');
    }
  });

  it('never throws on mutated real lines, alone or as CloudWatch events', () => {
    expect(lines.length).toBeGreaterThan(200);
    const random = prng(2);
    for (let i = 0; i < 400; i++) {
      const picked = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        mutate(random, lines[Math.floor(random() * lines.length)]),
      );
      checkShape(parseExecutionLog(picked.join('\n')));
      checkShape(
        assembleTraces(
          picked.map((message, n) => ({
            message,
            timestamp: random() < 0.8 ? n : (NaN as number),
            logStreamName: random() < 0.5 ? 's' : undefined,
          })),
        ),
      );
    }
  });

  it('survives hostile events: nulls, numbers, non-iterables', () => {
    checkShape(assembleTraces([null as any, { message: 5 as any }, {} as any]));
    checkShape(assembleTraces(undefined as any));
    checkShape(assembleTraces(42 as any));
    checkShape(parseExecutionLog(undefined as any));
    expect(redactText(undefined as any)).toBe('');
  });

  it('caps a 10 MB line quickly', () => {
    const big = `(4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998) Method request headers: {Authorization=${'a'.repeat(
      10 * 1024 * 1024,
    )}`;
    const started = Date.now();
    const [trace] = assembleTraces([{ message: big }]);
    const [pasted] = parseExecutionLog(big);
    const plain = parseExecutionLog('x'.repeat(10 * 1024 * 1024));
    const secretish = redactText('token=x, '.repeat(1_000_000));
    expect(Date.now() - started).toBeLessThan(5000);
    for (const t of [trace, pasted, ...plain]) {
      expect(t.events[0].message.length).toBeLessThanOrEqual(MAX);
      expect(t.events[0].truncated).toBe(true);
    }
    expect(trace.events[0].message).not.toContain('aaaa');
    expect(secretish.startsWith('token=[REDACTED], token=[REDACTED]')).toBe(
      true,
    );
  });

  it('handles 10k-deep nested JSON without recursion', () => {
    const deep = `${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const arrays = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const keyed = `${'{"token":'.repeat(10_000)}"secret"${'}'.repeat(10_000)}`;
    for (const body of [deep, arrays, keyed]) {
      checkShape(
        parseExecutionLog(
          `Endpoint response body before transformations: ${body}`,
        ),
      );
      checkShape(
        parseExecutionLog(`{"log": ${JSON.stringify(body)}, "x": ${body}}`),
      );
      checkShape(assembleTraces([{ message: body }]));
    }
    expect(JSON.stringify(parseExecutionLog(keyed))).not.toContain('"secret"');
  });

  it('does not backtrack catastrophically on near-miss secrets', () => {
    const started = Date.now();
    redactText(`eyJ${'a'.repeat(200_000)}.`.repeat(5));
    redactText(`${'AKIA'.repeat(100_000)}`);
    redactText(`"token":"${'\\\\'.repeat(100_000)}`);
    redactText(`Cookie=${'a=b, c=d; '.repeat(50_000)}`);
    parseExecutionLog(
      `${'Sun Jan 19 17:19:42 UTC 2020 : '.repeat(50_000)}\n`.repeat(2),
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
