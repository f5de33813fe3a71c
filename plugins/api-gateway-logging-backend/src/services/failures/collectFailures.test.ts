import { parseExecutionLog } from '@apigw-logging/plugin-api-gateway-logging-common';
import { collectFailures } from './collectFailures';

const stage = {
  stageArn: 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
  stageName: 'prod',
  apiType: 'REST' as const,
};
const ID = '3323ffe5-6ddf-45c8-896a-b45ec2284cc0';

describe('collectFailures', () => {
  it('joins a failing trace with its access-log record by request id', () => {
    const traces = parseExecutionLog(
      [
        `(${ID}) Unauthorized request: ${ID}`,
        `(${ID}) Method completed with status: 401`,
      ].join('\n'),
    );
    const items = collectFailures(stage, traces, [
      {
        record: {
          requestId: ID,
          status: 401,
          httpMethod: 'GET',
          resourcePath: '/pets',
          fields: {},
        },
        timestamp: 1000,
      },
    ]);
    expect(items).toEqual([
      expect.objectContaining({
        requestId: ID,
        ...stage,
        httpMethod: 'GET',
        resourcePath: '/pets',
        status: 401,
        category: 'authorizer-denied',
        source: 'both',
      }),
    ]);
  });

  it('lists a request known only from the access log, categorized from it', () => {
    const items = collectFailures(
      stage,
      [],
      [
        {
          record: {
            requestId: 'r-1',
            status: 429,
            errorResponseType: 'THROTTLED',
            fields: {},
          },
          timestamp: 5,
        },
        { record: { requestId: 'r-2', status: 200, fields: {} }, timestamp: 6 },
      ],
    );
    expect(items).toEqual([
      expect.objectContaining({
        requestId: 'r-1',
        category: 'throttled',
        source: 'access-log',
        time: 5,
      }),
    ]);
  });

  it('lists each request once, and leaves successful traces out', () => {
    const ok = '11111111-2222-3333-4444-555555555555';
    const traces = parseExecutionLog(
      [
        `(${ok}) Method completed with status: 200`,
        `(${ID}) Execution failed due to a timeout error`,
        `(${ID}) Method completed with status: 504`,
      ].join('\n'),
    );
    const items = collectFailures(
      stage,
      [...traces, ...traces],
      [{ record: { requestId: ID, status: 504, fields: {} } }],
    );
    expect(items.map(i => [i.requestId, i.category])).toEqual([
      [ID, 'integration-timeout'],
    ]);
  });
});

describe('collectFailures joined on the extended request id', () => {
  const traces = () => {
    const [trace] = parseExecutionLog(
      [
        `(${ID}) Extended Request Id: Vts2FFmArPEFh8g=`,
        `(${ID}) Execution failed due to a timeout error`,
        `(${ID}) Method completed with status: 504`,
      ].join('\n'),
    );
    return [trace];
  };

  it('joins the record whose extended id is the trace’s', () => {
    const items = collectFailures(
      stage,
      traces(),
      [
        {
          record: {
            requestId: ID,
            extendedRequestId: 'Vts2FFmArPEFh8g=',
            status: 504,
            httpMethod: 'POST',
            resourcePath: '/orders',
            fields: {},
          },
        },
      ],
      'extendedRequestId',
    );
    expect(items).toEqual([
      expect.objectContaining({
        requestId: ID,
        httpMethod: 'POST',
        resourcePath: '/orders',
        source: 'both',
      }),
    ]);
  });

  it('never joins a record that forged the request id (x-amzn-RequestId)', () => {
    const forged = {
      record: {
        requestId: ID,
        extendedRequestId: 'ForgedXXXXXXXX0=',
        status: 403,
        errorResponseType: 'ACCESS_DENIED',
        httpMethod: 'DELETE',
        resourcePath: '/admin',
        fields: {},
      },
    };
    const items = collectFailures(
      stage,
      traces(),
      [forged],
      'extendedRequestId',
    );
    const trace = items.find(i => i.requestId === ID)!;
    expect(trace).toMatchObject({ source: 'execution-log' });
    expect(trace.httpMethod).toBeUndefined();
    // The forged request is listed on its own, by the id it cannot forge.
    expect(items.find(i => i.requestId === 'ForgedXXXXXXXX0=')).toMatchObject({
      httpMethod: 'DELETE',
      source: 'access-log',
    });
    // Joined by request id, the forged record would have been taken.
    expect(
      collectFailures(stage, traces(), [forged], 'requestId')[0],
    ).toMatchObject({ httpMethod: 'DELETE', source: 'both' });
  });
});
