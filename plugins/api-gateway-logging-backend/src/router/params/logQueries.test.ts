import { InputError } from '@backstage/errors';
import { parseFailuresQuery, parseTraceQuery } from './logQueries';
import { encodeCursor } from '../../services/failures/window';

const config = {
  defaultWindowMs: 3_600_000,
  maxWindowMs: 24 * 3_600_000,
  pageSize: 100,
  filterPatternMode: 'any-term' as const,
  maxEventsPerQuery: 20000,
  traceWindowMs: 900_000,
  requestDeadlineMs: 25_000,
  maxCallsPerQuery: 100,
};
const now = Date.parse('2026-11-21T06:00:10Z');

describe('parseFailuresQuery', () => {
  it('defaults to the last hour, aligned so concurrent users share a result', () => {
    const q = parseFailuresQuery({}, config, now);
    expect(q.to).toBe(Date.parse('2026-11-21T06:00:30Z'));
    expect(q.to - q.from).toBe(3_600_000);
    expect(q).toMatchObject({ offset: 0, limit: 100 });
  });

  it('reads ISO and epoch times, a category, a stage and a limit', () => {
    expect(
      parseFailuresQuery(
        {
          from: '2026-11-21T04:00:00Z',
          to: String(Date.parse('2026-11-21T05:00:00Z')),
          category: 'throttled',
          stage:
            'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
          limit: '20',
        },
        config,
        now,
      ),
    ).toEqual({
      from: Date.parse('2026-11-21T04:00:00Z'),
      to: Date.parse('2026-11-21T05:00:00Z'),
      category: 'throttled',
      stage: {
        arn: 'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
      },
      offset: 0,
      limit: 20,
    });
  });

  it('takes the window from the cursor', () => {
    const cursor = encodeCursor({ from: 1000, to: 5000, offset: 100 });
    expect(parseFailuresQuery({ cursor }, config, now)).toMatchObject({
      from: 1000,
      to: 5000,
      offset: 100,
    });
  });

  it.each([
    [{ from: 'yesterday' }, 'from is not a time'],
    [
      { from: '2026-11-21T05:00:00Z', to: '2026-11-21T04:00:00Z' },
      'from must be before to',
    ],
    [
      { from: '2026-11-01T00:00:00Z', to: '2026-11-21T00:00:00Z' },
      'at most 24 hours',
    ],
    [{ category: 'bad-luck' }, 'category'],
    [{ stage: 'arn:aws:lambda:x' }, 'not an API Gateway stage ARN'],
    [{ stage: 'prod stage' }, 'neither a stage name'],
    [{ from: '1999-01-01T00:00:00Z' }, 'from is before 2014-01-01'],
    [{ to: '+275760-09-13T00:00:00.000Z' }, 'to is in the future'],
    [{ from: ['1', '2'] }, 'from is given more than once'],
    [{ cursor: 'eyJ2IjoyfQ' }, 'cursor is not one this API returned'],
    [{ cursor: '../../etc' }, 'cursor is not one this API returned'],
    [{ limit: '0' }, 'limit must be between 1 and 500'],
    [{ limit: '1000' }, 'limit must be between 1 and 500'],
    [{ unknown: 'x' }, 'unknown parameter unknown'],
  ])('refuses %j with a 400 that says why', (query, reason) => {
    expect(() => parseFailuresQuery(query, config, now)).toThrow(InputError);
    expect(() => parseFailuresQuery(query, config, now)).toThrow(reason);
  });
});

describe('parseTraceQuery', () => {
  it('accepts a request id, an entity, a stage and a time', () => {
    expect(
      parseTraceQuery(
        '3323FFE5-6DDF-45C8-896A-B45EC2284CC0',
        {
          entity: 'api:default/payments-api',
          around: '2026-11-21T05:00:00Z',
        },
        now,
      ),
    ).toEqual({
      entity: { kind: 'api', namespace: 'default', name: 'payments-api' },
      trace: {
        requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
        around: Date.parse('2026-11-21T05:00:00Z'),
      },
    });
    expect(
      parseTraceQuery('Vts2FFmArPEFh8g=', { entity: 'payments-api' }, now).trace
        .requestId,
    ).toBe('Vts2FFmArPEFh8g=');
  });

  it.each([
    '"',
    '3323ffe5-6ddf-45c8-896a-b45ec2284cc0" ?"',
    '3323ffe5-6ddf-45c8-896a-b45ec2284cc0 OR 1=1',
    '*',
    '{ $.status = 500 }',
    '../../etc/passwd',
    'a'.repeat(5000),
    '',
    '%.*%',
  ])('refuses the hostile request id %j', id => {
    expect(() =>
      parseTraceQuery(id.slice(0, 100), { entity: 'api:default/x' }, now),
    ).toThrow('is a UUID');
  });

  it('requires the entity', () => {
    expect(() =>
      parseTraceQuery('3323ffe5-6ddf-45c8-896a-b45ec2284cc0', {}, now),
    ).toThrow(InputError);
  });
});
