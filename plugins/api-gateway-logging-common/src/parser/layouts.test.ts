import { fixtureLog } from './__testUtils__/fixtures';
import { parseExecutionLog } from './parse';
import { FAILURE_MESSAGE_PHRASES, isFailureMessage } from './phrases';
import { isValidRequestId, parseEventPrefix } from './requestId';

const ID = '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998';

describe('pasted layouts', () => {
  const reference = parseExecutionLog(
    fixtureLog('ericallam-key-throttle-429.log'),
  );
  const lines = fixtureLog('ericallam-key-throttle-429.log').trim().split('\n');
  const kinds = (text: string) =>
    parseExecutionLog(text).map(t => [
      t.requestId,
      t.status,
      t.failure?.category,
      t.events.map(e => e.kind),
    ]);

  it('reads ISO-timestamp-first lines (space or console tab, any offset)', () => {
    const iso = lines
      .map((l, i) => `2019-02-26T15:29:3${i}.123Z ${l}`)
      .join('\n');
    const tab = lines
      .map((l, i) => `2022-04-23T18:37:4${i}.070+09:00\t${l}`)
      .join('\n');
    expect(kinds(iso)).toEqual(kinds(lines.join('\n')));
    expect(kinds(tab)).toEqual(kinds(lines.join('\n')));
    expect(parseExecutionLog(tab)[0].startTime).toBe(
      Date.parse('2022-04-23T09:37:40.070Z'),
    );
    expect(reference[0].failure?.category).toBe('throttled');
  });

  it('reads the console CSV export, quoted messages included', () => {
    const csv = [
      'timestamp,message',
      ...lines.map((l, i) =>
        l.includes(',') || l.includes('"')
          ? `${1551195000000 + i},"${l.replace(/"/g, '""')}"`
          : `${1551195000000 + i},${l}`,
      ),
      `1551195000009,"(${ID}) Endpoint response body before transformations: {""a"":`,
      '1}"',
    ].join('\n');
    const [trace] = parseExecutionLog(csv);
    expect(trace.status).toBe(429);
    expect(trace.startTime).toBe(1551195000000);
    expect(trace.events.at(-1)?.value).toBe('{"a":\n1}');
  });

  it('takes a timestamp on its own line for the next line', () => {
    const [trace] = parseExecutionLog(
      `2022-04-23T18:37:47.070+09:00\n(${ID}) Method completed with status: 200`,
    );
    expect(trace.events[0].timestamp).toBe(
      Date.parse('2022-04-23T09:37:47.070Z'),
    );
  });

  it('splits several TestInvoke blocks into one trace each', () => {
    const block = fixtureLog('awsdocs-testinvoke-lambda-nonproxy-200.log');
    const traces = parseExecutionLog(`${block}\n${block}`);
    expect(traces.map(t => [t.requestId, t.status])).toEqual([
      ['test-request', 200],
      ['test-request', 200],
    ]);
    // The multi-line mapping-template body stayed one event.
    expect(
      traces[0].events.find(e => e.kind === 'endpoint-request-body')?.value,
    ).toContain('"name" : "John"\n}');
  });

  it('unescapes the log of test-invoke-method JSON and splits a glued [TRUNCATED]', () => {
    const [trace] = parseExecutionLog(
      fixtureLog('alexedwards-cli-testinvoke-json-invalid-permissions-500.log'),
    );
    expect(trace.events.map(e => e.kind)).toEqual([
      'execution-log-header',
      'execution-start',
      'method-request',
      'method-request-path',
      'endpoint-request-sent',
      'configuration-error',
      'method-completed',
    ]);
    expect(trace.events[3]).toMatchObject({
      value: '{}[TRUNCATED]',
      truncated: true,
    });
  });

  it('groups 2016 lines without prefix by request, continuation lines included', () => {
    const a = fixtureLog('rotemtam-2016-no-prefix-api-key-lambda-200.log');
    const b = fixtureLog(
      'rotemtam-2016-no-prefix-lambda-handled-error-400.log',
    );
    const traces = parseExecutionLog(`${a}\n${b}`);
    expect(traces.map(t => [t.requestId, t.status, t.events.length])).toEqual([
      ['9ac0eacd-87c5-11e6-b30c-19c3d9849330', 200, 18],
      ['9537d573-87c5-11e6-b3e4-6f23bc206746', 400, 18],
    ]);
  });

  it('infers the failure of a request whose completion line is missing', () => {
    const [trace] = parseExecutionLog(
      `(${ID}) Lambda invocation failed with status: 429. Lambda request id: 1\n(${ID}) Execution failed due to configuration error: Rate Exceeded.`,
    );
    expect(trace.status).toBeUndefined();
    expect(trace.failure?.category).toBe('integration-error');
    expect(trace.failure?.reason).toMatch(/Lambda function was throttled/);
  });

  it('treats Successfully completed execution then 4xx as a failure', () => {
    const [trace] = parseExecutionLog(
      `(${ID}) Received response. Status: 400, Integration latency: 12 ms\n(${ID}) Successfully completed execution\n(${ID}) Method completed with status: 400`,
    );
    expect(trace.failure?.category).toBe('client-error');
    expect(trace.integrationLatencyMs).toBe(12);
  });
});

describe('request ids and prefixes', () => {
  it.each([
    [ID, true],
    ['7b819c41-e0a0-433a-883e-bc461fd70fd6', true],
    ['Vts2FFmArPEFh8g=', true],
    ['GqT38H-FFiAFhLQ=', true],
    ['test-invoke-request', false],
    [`${ID} `, false],
    ['4f3e3b0f-39db-11e9-9c2e-5bd7c2de599g', false],
    ['Vts2FFmArPEFh8g', false],
    ['', false],
    [42, false],
  ])('isValidRequestId(%j) is %s', (id, valid) => {
    expect(isValidRequestId(id)).toBe(valid);
  });

  it('splits the prefix cheaply and leaves other messages whole', () => {
    expect(
      parseEventPrefix(`(${ID}) Method completed with status: 200`),
    ).toEqual({
      requestId: ID,
      body: 'Method completed with status: 200',
    });
    expect(parseEventPrefix('(not an id) text')).toEqual({
      body: '(not an id) text',
    });
    expect(parseEventPrefix('Starting execution')).toEqual({
      body: 'Starting execution',
    });
  });
});

describe('FAILURE_MESSAGE_PHRASES', () => {
  it('marks a line of every failing fixture trace and none of the successes', () => {
    const names = [
      'ericallam-key-throttle-429.log',
      'ericallam-lambda-timeout-502.log',
      'kc-429-usage-plan-key-quota.log',
      'kc-api-gateway-logs-authorizer-deny.log',
      'gh-expansellc-lambda-authorizer-1-could-not-parse-policy.log',
      'liangruibupt-testinvoke-vpclink-cert-mismatch-500.log',
      'ericallam-parse-lambda-proxy-200.log',
      'tmobile-jazz-two-requests-200.log',
    ];
    for (const name of names) {
      for (const trace of parseExecutionLog(fixtureLog(name))) {
        const marked = trace.events.some(e => isFailureMessage(e.message));
        expect([name, marked]).toEqual([name, trace.failure !== undefined]);
      }
    }
    expect(FAILURE_MESSAGE_PHRASES).toContain(
      'Method completed with status: 5',
    );
  });
});
