import fs from 'fs';
import path from 'path';
import { categorizeAccessLogRecord } from './categorize';
import { parseAccessLogRecord } from './parseRecord';

const fixture = (name: string) =>
  fs.readFileSync(
    path.join(__dirname, '..', '__fixtures__', 'access-logs', name),
    'utf8',
  );

describe('parseAccessLogRecord', () => {
  it('reads a real JSON access-log event (console copy, pretty-printed)', () => {
    // The console shows a timestamp line, then the event over many lines.
    const text = fixture('moj-3807-rest-access-log-sample.txt');
    const json = text.slice(text.indexOf('{'));
    const record = parseAccessLogRecord(json);
    expect(record).toMatchObject({
      requestId: 'a4188e34-1104-424e-9907-eebbf55dd662',
      status: 400,
      httpMethod: 'POST',
      resourcePath:
        '/data-product/{data-product-name}/table/{table-name}/schema',
    });
    // "-" means unset, so no caller field is surfaced.
    expect(record?.errorMessage).toBeUndefined();
    expect(categorizeAccessLogRecord(record!)).toEqual({
      category: 'client-error',
      reason: 'Client error (400)',
    });
  });

  it('returns undefined for the real partial line that is not valid JSON', () => {
    const line = fixture('azul-6284-rest-access-log-line-PARTIAL.txt')
      .split('\n')
      .find(l => l.startsWith('{'))!;
    expect(parseAccessLogRecord(line)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['not JSON', 'not json'],
    ['an array', '[1,2]'],
    ['cut JSON', '{"a":'],
    ['a 100 kB line', 'x'.repeat(100000)],
    ['an empty object', '{}'],
  ])('never throws on %s', (_label, input) => {
    expect(() => parseAccessLogRecord(input)).not.toThrow();
  });

  it('redacts secrets in values', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const record = parseAccessLogRecord(
      JSON.stringify({
        requestId: 'r',
        status: '200',
        authorization: `Bearer ${jwt}`,
      }),
    );
    expect(JSON.stringify(record)).not.toContain(jwt);
  });
});
