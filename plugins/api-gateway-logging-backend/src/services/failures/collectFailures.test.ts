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
