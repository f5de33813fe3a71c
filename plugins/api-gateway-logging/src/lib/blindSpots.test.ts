import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { fixtures } from '../__testUtils__/render';
import { blindSpotsFor } from './blindSpots';

const base: TraceResponse = {
  entityRef: 'api:default/payments-api',
  stageArn: 'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
  stageName: 'prod',
  apiType: 'REST',
  requestId: 'r-1',
  found: true,
  searched: { logGroupNames: ['g'], from: 0, to: 1, complete: true },
  errors: [],
};
const ids = (r: TraceResponse) => blindSpotsFor(r).map(s => s.id);

describe('blindSpotsFor', () => {
  it('says HTTP APIs have access logs only', () => {
    expect(
      ids({
        ...base,
        stageArn: 'arn:aws:apigateway:us-east-1::/apis/abc/stages/$default',
        apiType: 'HTTP',
        accessLog: { status: 200, fields: {} },
      }),
    ).toContain('http-api');
  });

  it('explains a 401 without authorizer lines (TOKEN authorizer, no identity source)', () => {
    expect(ids({ ...base, accessLog: { status: 401, fields: {} } })).toEqual(
      expect.arrayContaining(['no-execution-log', 'token-authorizer']),
    );
  });

  it('does not blame the identity source when the authorizer ran', () => {
    expect(ids(fixtures.trace)).not.toContain('token-authorizer');
  });

  it('warns that 429s may go unlogged and that Lambda throttling is a 5xx', () => {
    expect(ids({ ...base, accessLog: { status: 429, fields: {} } })).toContain(
      'excessive-429',
    );
    expect(ids({ ...base, accessLog: { status: 502, fields: {} } })).toContain(
      'lambda-throttling',
    );
  });

  it('recognises an ERROR-level stage from a trace of error lines only', () => {
    expect(
      ids({
        ...base,
        trace: {
          requestId: 'r-1',
          status: 502,
          events: [
            {
              kind: 'configuration-error',
              message:
                'Execution failed due to configuration error: Malformed Lambda proxy response',
              truncated: true,
            },
          ],
        },
      }),
    ).toEqual(expect.arrayContaining(['error-level', 'truncated']));
  });
});
