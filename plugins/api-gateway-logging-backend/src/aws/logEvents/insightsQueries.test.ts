import {
  insightsFilter,
  insightsQuery,
  insightsTimestamp,
} from './insightsQueries';

const target = { region: 'us-east-1' };
const execution = {
  sourceId: 'cloudwatch',
  kind: 'execution' as const,
  name: 'API-Gateway-Execution-Logs_abc/prod',
  target,
};

describe('Logs Insights queries', () => {
  it('selects the parser’s failure phrases in one regular expression', () => {
    const filter = insightsFilter(execution, { kind: 'failures' })!;
    expect(filter).toMatch(/^@message like \/.*\/$/);
    const regex = new RegExp(filter.slice('@message like /'.length, -1));
    expect(regex.test('Method completed with status: 412')).toBe(true);
    expect(regex.test('Key quota exhausted for Usage Plan ID x')).toBe(true);
    expect(regex.test('Method completed with status: 200')).toBe(false);
  });

  it('selects given requests, and refuses anything that is not a request id', () => {
    expect(
      insightsFilter(execution, {
        kind: 'requests',
        requestIds: [
          '3323FFE5-6DDF-45C8-896A-B45EC2284CC0',
          'Vts2FFmArPEFh8g=',
        ],
      }),
    ).toBe(
      '@message like /3323ffe5-6ddf-45c8-896a-b45ec2284cc0|Vts2FFmArPEFh8g=/',
    );
    expect(() =>
      insightsFilter(execution, { kind: 'requests', requestIds: ['/ or 1'] }),
    ).toThrow(TypeError);
  });

  it('selects failing records of a JSON access log by its own status field', () => {
    const access = {
      ...execution,
      kind: 'access' as const,
      format: '{"id":"$context.requestId","st":"$context.status"}',
    };
    expect(insightsFilter(access, { kind: 'failures' })).toBe(
      '@message like /"st"\\s*:\\s*"?[45]\\d\\d/',
    );
    expect(
      insightsFilter(
        { ...access, format: '$context.requestId $context.status' },
        {
          kind: 'failures',
        },
      ),
    ).toBeUndefined();
  });

  it('sorts newest first and caps at 10,000 rows', () => {
    expect(insightsQuery('@message like /x/', 50_000)).toBe(
      'fields @timestamp, @message, @logStream | filter @message like /x/ | sort @timestamp desc | limit 10000',
    );
  });

  it('reads AWS’s timestamps and emulators’', () => {
    expect(insightsTimestamp('2026-11-30 01:02:03.456')).toBe(
      Date.parse('2026-11-30T01:02:03.456Z'),
    );
    expect(insightsTimestamp('1764464523456')).toBe(1764464523456);
    expect(insightsTimestamp('soon')).toBeUndefined();
  });
});
