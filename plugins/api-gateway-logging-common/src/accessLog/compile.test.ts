import { prng } from '../parser/__testUtils__/fixtures';
import {
  authorizerErrorValues,
  azulFieldValueRows,
  fixtureFormats,
  MOJ_SAMPLE_RECORD,
  mojSampleEvent,
  readAccessFixture,
  renderLine,
  requestValues,
} from './__testUtils__/formats';
import { compileAccessLogFormat } from './compile';

const FORMATS = fixtureFormats();
const byLabel = (label: string) => FORMATS.find(f => f.label.includes(label))!;

describe('compileAccessLogFormat over the fixtures formats', () => {
  it('reads all 13 formats of the fixtures', () => {
    expect(FORMATS).toHaveLength(13);
  });

  it.each([
    ['rest-access-log-formats.txt CLF', 'clf', 11],
    ['rest-access-log-formats.txt JSON', 'json', 11],
    ['rest-access-log-formats.txt XML', 'xml', 11],
    ['rest-access-log-formats.txt CSV', 'csv', 11],
    ['rest-access-log-formats.txt CloudFormation', 'clf', 11],
    ['http-api-access-log-formats.txt CLF', 'clf', 8],
    ['http-api-access-log-formats.txt JSON', 'json', 8],
    ['http-api-access-log-formats.txt XML', 'xml', 8],
    ['http-api-access-log-formats.txt CSV', 'csv', 8],
    ['http-api-access-log-formats.txt CLI', 'clf', 8],
    ['azul-attic', 'json', 52],
    ['azul-terraform', 'json', 27],
    ['uopsdod', 'json', 10],
  ])('%s is %s with %i fields', (label, kind, count) => {
    const compiled = compileAccessLogFormat(byLabel(label).format);
    expect(compiled.kind).toBe(kind);
    expect(compiled.fields).toHaveLength(count);
    expect(compiled.has('$context.status')).toBe(true);
    expect(compiled.has('status')).toBe(true);
    expect(compiled.has('$context.identity.apiKey')).toBe(false);
    // Names are unique and every variable is listed.
    const names = compiled.fields.map(f => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(FORMATS.map(f => [f.label, f.format]))(
    '%s: rendered lines read back, typed from the variables',
    (_label, format) => {
      const compiled = compileAccessLogFormat(format);
      for (const status of [200, 302, 403, 429, 504]) {
        const values = requestValues(status);
        const record = compiled.parse(renderLine(format, values));
        // What the format logs, typed; every field as logged, by name.
        const typed: Record<string, unknown> = {
          status,
          requestId: values.requestId,
        };
        const optional: Array<[string, string, unknown]> = [
          ['httpMethod', 'httpMethod', 'POST'],
          ['requestTime', 'requestTime', values.requestTime],
          ['extendedRequestId', 'extendedRequestId', values.extendedRequestId],
          [
            'error.message',
            'errorMessage',
            status >= 400 ? values['error.message'] : undefined,
          ],
        ];
        for (const [variable, key, value] of optional)
          if (compiled.has(variable) && value !== undefined) typed[key] = value;
        expect(record?.errorMessage === undefined).toBe(
          status < 400 || !compiled.has('error.message'),
        );
        const fields = Object.fromEntries(
          compiled.fields
            .filter(f => f.variable)
            .map(f => [
              f.name,
              values[f.variable!.slice('$context.'.length)] ?? '-',
            ]),
        );
        expect(record).toMatchObject(typed);
        expect(
          Object.fromEntries(
            Object.entries(record!.fields).map(([k, v]) => [k, String(v)]),
          ),
        ).toMatchObject(fields);
      }
    },
  );

  it('names fields by key, element, attribute or variable', () => {
    const names = (label: string) =>
      compileAccessLogFormat(byLabel(label).format).fields.map(f => f.name);
    expect(names('rest-access-log-formats.txt XML')).toEqual([
      'id',
      'extendedRequestId',
      'ip',
      'caller',
      'user',
      'requestTime',
      'httpMethod',
      'resourcePath',
      'status',
      'protocol',
      'responseLength',
    ]);
    expect(names('http-api-access-log-formats.txt CSV')).toEqual([
      'identity.sourceIp',
      'requestTime',
      'httpMethod',
      'routeKey',
      'protocol',
      'status',
      'responseLength',
      'requestId',
    ]);
    expect(names('uopsdod')).toContain('errorResponseType');
  });
});

describe('real field values', () => {
  it('azul: every row of the field-value table reads back as logged', () => {
    const format = byLabel('azul-terraform').format;
    const compiled = compileAccessLogFormat(format);
    const rows = azulFieldValueRows();
    expect(rows).toHaveLength(13);
    const read = rows.map(values => compiled.parse(renderLine(format, values)));
    expect(
      read.map(r => [r?.status, r?.errorResponseType, r?.errorMessage]),
    ).toEqual(
      rows.map(v => [
        Number(v.status),
        v['error.responseType'] === '-' ? undefined : v['error.responseType'],
        v['error.message'] === '-' ? undefined : v['error.message'],
      ]),
    );
  });

  it('classmethod: authorizer errors of an HTTP API read back whole', () => {
    const format =
      '{"requestId":"$context.requestId","status":"$context.status","authorizerError":"$context.authorizer.error","routeKey":"$context.routeKey"}';
    const compiled = compileAccessLogFormat(format);
    for (const error of authorizerErrorValues()) {
      const record = compiled.parse(
        renderLine(format, requestValues(500, { 'authorizer.error': error })),
      );
      expect(record).toMatchObject({ status: 500, authorizerError: error });
    }
  });
});

describe('typed properties come from the variable, not the name', () => {
  it.each([
    [
      '{"st":"$context.status","rid":"$context.requestId"}',
      '{"st":"503","rid":"r-1"}',
      { status: 503, requestId: 'r-1' },
    ],
    [
      '{"status":"$context.requestId","x":"$context.status"}',
      '{"status":"r-2","x":"404"}',
      { status: 404, requestId: 'r-2' },
    ],
    [
      '{"a": {"b": $context.status}, "lat": $context.responseLatency}',
      '{"a": {"b": 429}, "lat": 17}',
      { status: 429, responseLatencyMs: 17 },
    ],
    [
      '{"e":"$context.error.messageString","t":"$context.error.responseType"}',
      '{"e":""Endpoint request timed out"","t":"INTEGRATION_TIMEOUT"}',
      {
        errorMessage: 'Endpoint request timed out',
        errorResponseType: 'INTEGRATION_TIMEOUT',
      },
    ],
    [
      '{"p":"$context.path","ie":"$context.integration.error"}',
      '{"p":"/prod/pets","ie":"Lambda timed out"}',
      {
        resourcePath: '/prod/pets',
        integrationErrorMessage: 'Lambda timed out',
      },
    ],
    [
      'id=$context.requestId status=$context.status ms=$context.integrationLatency',
      'id=r-3 status=200 ms=-',
      { requestId: 'r-3', status: 200 },
    ],
    [
      '$context.requestId,"$context.authorizer.error",$context.status',
      'r-4,"Unauthorized",401',
      { requestId: 'r-4', authorizerError: 'Unauthorized', status: 401 },
    ],
  ])('%s', (format, line, expected) => {
    const record = compileAccessLogFormat(format).parse(line);
    expect(record).toMatchObject(expected);
    // Unset (`-`) and absent variables leave the property unset.
    expect(record?.integrationLatencyMs).toBeUndefined();
  });

  it('keeps a pretty-printed JSON event (console copy) readable', () => {
    // The format the sample's keys imply (the PR shows the event, not the format).
    const format =
      '{"caller":"$context.identity.caller","ip":"$context.identity.sourceIp","method":"$context.httpMethod","path":"$context.path","protocol":"$context.protocol","requestId":"$context.requestId","requestTime":"$context.requestTime","requestTimeEpoch":"$context.requestTimeEpoch","resourcePath":"$context.resourcePath","responseLength":"$context.responseLength","status":"$context.status","user":"$context.identity.user"}';
    expect(
      compileAccessLogFormat(format).parse(mojSampleEvent()),
    ).toMatchObject({ ...MOJ_SAMPLE_RECORD, requestTimeEpoch: 1698414057744 });
  });

  it('reads a line that is not valid JSON through the format (quotes in a value)', () => {
    const format = byLabel('azul-attic').format;
    const values = requestValues(504, {
      'error.messageString': '"Endpoint request timed out"',
      'error.message': 'Endpoint request timed out',
      'error.responseType': 'INTEGRATION_TIMEOUT',
      'identity.userAgent': 'evil "agent", "status": "200"',
    });
    const line = renderLine(format, values);
    expect(() => JSON.parse(line)).toThrow();
    const record = compileAccessLogFormat(format).parse(line);
    expect(record).toMatchObject({
      status: 504,
      errorResponseType: 'INTEGRATION_TIMEOUT',
      errorMessage: 'Endpoint request timed out',
    });
  });

  it('falls back to names for a JSON line of another format', () => {
    const compiled = compileAccessLogFormat(
      byLabel('rest-access-log-formats.txt CLF').format,
    );
    expect(compiled.parse('{"requestId":"r-5","status":"502"}')).toMatchObject({
      requestId: 'r-5',
      status: 502,
    });
  });
});

describe('malformed, cut and hostile input', () => {
  const json = compileAccessLogFormat(byLabel('azul-attic').format);
  const clf = compileAccessLogFormat(
    byLabel('rest-access-log-formats.txt CLF').format,
  );

  it('does not read the real partial line (cut by its source)', () => {
    const line = readAccessFixture('azul-6284-rest-access-log-line-PARTIAL.txt')
      .split('\n')
      .find(l => l.startsWith('{'))!;
    expect(json.parse(line)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['another shape', 'hello world'],
    ['cut CLF', '51.14.4.225 - - [27/Oct/2023:13:40:57 +0000] "POST'],
    ['a 100 kB line', `{"status":"500",${'"a":"b",'.repeat(12_000)}"x":1}`],
    [
      '__proto__ keys',
      '{"__proto__":{"polluted":1},"constructor":"x","status":"500"}',
    ],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['deep JSON', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
    ['a number', 42 as unknown as string],
  ])('never throws on %s', (_label, line) => {
    for (const compiled of [json, clf]) {
      expect(() => compiled.parse(line)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(json.parse(line as string)?.fields.polluted).toBeUndefined();
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['no variables', 'plain text'],
    ['too long', `$context.requestId ${'x'.repeat(20_000)}`],
    ['too many variables', '$context.status '.repeat(300)],
  ])(
    'compiles an unusable format (%s) to the name-based JSON reader',
    (_l, format) => {
      const compiled = compileAccessLogFormat(format as string);
      expect(compiled.fields).toEqual([]);
      expect(compiled.has('status')).toBe(false);
      expect(compiled.parse('{"status":"503"}')?.status).toBe(503);
      expect(compiled.parse('503')).toBeUndefined();
    },
  );
});

describe('fuzz (seeded, deterministic)', () => {
  const random = prng(13);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  const noise = ' "[]{},:=-\\<>$x';

  function mutate(line: string): string {
    let text = line;
    for (let e = 0; e < 1 + Math.floor(random() * 4); e++) {
      const at = Math.floor(random() * (text.length + 1));
      const op = Math.floor(random() * 4);
      if (op === 0)
        text =
          text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 10));
      else if (op === 1)
        text = text.slice(0, at) + pick([...noise]) + text.slice(at);
      else if (op === 2) text = text.slice(0, at);
      else text = text.slice(0, at) + text.slice(0, at);
    }
    return text;
  }

  it('never throws, and every output is a bounded, redacted record', () => {
    let read = 0;
    const problems: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const { format } = pick(FORMATS);
      const compiled = compileAccessLogFormat(
        random() < 0.1 ? mutate(format) : format,
      );
      const line = mutate(
        renderLine(format, requestValues(pick([200, 403, 502]))),
      );
      const record = compiled.parse(line);
      if (!record) continue;
      read++;
      for (const value of Object.values(record.fields)) {
        const type = value === null ? 'null' : typeof value;
        if (!['string', 'number', 'boolean', 'null'].includes(type))
          problems.push(`a ${type} value from ${line}`);
        if (typeof value === 'string' && value.length > line.length + 64)
          problems.push(`a value longer than its line: ${line}`);
      }
      if (record.status !== undefined && !Number.isFinite(record.status))
        problems.push(`status ${record.status} from ${line}`);
    }
    expect(problems).toEqual([]);
    // Most mutations leave a line the format still reads.
    expect(read).toBeGreaterThan(300);
  });
});
