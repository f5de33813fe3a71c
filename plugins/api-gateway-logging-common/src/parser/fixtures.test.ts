import { fixtureLog, fixtureNames } from './__testUtils__/fixtures';
import { parseExecutionLog } from './parse';
import type { ExecutionTrace, FailureCategory } from './types';

interface Expected {
  traces: number;
  requestId: string;
  status?: number;
  category?: FailureCategory;
  reason?: RegExp;
  fields?: Partial<ExecutionTrace>;
}

const KEY = '**********************************';

// One row per copied fixture: expectations for its main (first) trace.
const TABLE: Record<string, Expected> = {
  'alexedwards-cli-testinvoke-json-invalid-permissions-500.log': {
    traces: 1,
    requestId: 'test-request',
    status: 500,
    category: 'integration-error',
    reason: /Invalid permissions on Lambda function/,
    fields: { httpMethod: 'GET', resourcePath: '/books' },
  },
  'alexedwards-cli-testinvoke-json-malformed-proxy-502.log': {
    traces: 1,
    requestId: 'test-request',
    status: 502,
    category: 'integration-error',
    reason: /^Lambda proxy response was malformed/,
    fields: { httpMethod: 'GET', resourcePath: '/books' },
  },
  'awsdocs-testinvoke-lambda-nonproxy-200.log': {
    traces: 1,
    requestId: 'test-request',
    status: 200,
    fields: {
      httpMethod: 'POST',
      resourcePath: '/Seattle',
      integrationLatencyMs: 328,
      startTime: Date.UTC(2017, 7, 31, 1, 7, 25),
    },
  },
  'ericallam-key-throttle-429.log': {
    traces: 1,
    requestId: '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998',
    status: 429,
    category: 'throttled',
    reason:
      /throttle limit of method POST on resource k0w8mc .*rate 1, burst 1/,
    fields: { extendedRequestId: 'Vts2FFmArPEFh8g=', apiId: 'uwe3g5jm54' },
  },
  'ericallam-lambda-timeout-502.log': {
    traces: 1,
    requestId: '286364ab-3a83-11e9-8dc8-db3cf4c83204',
    status: 502,
    category: 'integration-error',
    reason: /Lambda function timed out \(Task timed out after 10.00 seconds\)/,
    fields: {
      httpMethod: 'GET',
      resourcePath: '/echo',
      integrationLatencyMs: 11029,
      extendedRequestId: 'Vwc2MGFUrPEFV_g=',
    },
  },
  'ericallam-multi-request-malformed-502.log': {
    traces: 4,
    requestId: '5cb7ee58-39e6-11e9-be7e-29aff96747f2',
    status: 502,
    category: 'integration-error',
    reason:
      /^Lambda proxy response was malformed \(the function must return \{statusCode, headers, body\}\)/,
    fields: {
      httpMethod: 'POST',
      resourcePath: '/receipt',
      integrationLatencyMs: 111,
    },
  },
  'ericallam-parse-lambda-proxy-200.log': {
    traces: 1,
    requestId: '515f1e99-39db-11e9-9e96-01e5c04505b9',
    status: 200,
    fields: {
      httpMethod: 'POST',
      resourcePath: '/verifyReceipt',
      integrationLatencyMs: 40,
      extendedRequestId: 'Vts2pH6ArPEFcuQ=',
    },
  },
  'gh-expansellc-lambda-authorizer-1-could-not-parse-policy.log': {
    traces: 1,
    requestId: 'unidentified-1',
    category: 'authorizer-error',
    reason: /Could not parse policy/,
    fields: { authorizer: { outcome: 'error' } },
  },
  'gh-serverless-webpack-314-cloudwatch-PARTIAL.log': {
    traces: 1,
    requestId: 'be80cc66-0529-11e8-b1f6-c7a3139e9f85',
    fields: { httpMethod: 'GET', resourcePath: '/admin/customers' },
  },
  'gh-serverless-webpack-314-testinvoke-malformed-502.log': {
    traces: 1,
    requestId: 'unidentified-1',
    status: 502,
    category: 'integration-error',
    reason: /malformed/,
  },
  'gh-vincentsarago-lambda-proxy-59-malformed-502.log': {
    traces: 1,
    requestId: 'unidentified-1',
    status: 502,
    category: 'integration-error',
    reason: /malformed/,
  },
  'kc-429-usage-plan-key-quota.log': {
    traces: 1,
    requestId: '7b819c41-e0a0-433a-883e-bc461fd70fd6',
    category: 'quota-exceeded',
    reason:
      /API key \*+F0yrv6 exceeded the quota of usage plan nnpegc \(500 requests per day\)/,
    fields: {
      apiKey: `${KEY}F0yrv6`,
      usagePlanId: 'nnpegc',
      apiId: 'rohkz08x02',
      stage: 'dev',
    },
  },
  'kc-429-usage-plan-key-throttle.log': {
    traces: 1,
    requestId: 'f277a0b4-2bcd-41b3-8e43-4de770663ffb',
    category: 'throttled',
    reason:
      /API key \*+F0yrv6 exceeded the throttle limit of usage plan nnpegc \(rate 5, burst 10\)/,
    fields: { apiKey: `${KEY}F0yrv6`, usagePlanId: 'nnpegc' },
  },
  'kc-api-gateway-logs-authorizer-allow.log': {
    traces: 1,
    requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
    fields: { authorizer: { id: '62mgrc', outcome: 'allowed' } },
  },
  'kc-api-gateway-logs-authorizer-deny.log': {
    traces: 1,
    requestId: 'fd443056-60d0-425f-874e-e93e5d61351e',
    category: 'authorizer-denied',
    reason: /Authorizer 62mgrc denied/,
    fields: { authorizer: { id: '62mgrc', outcome: 'denied' } },
  },
  'kc-api-gateway-logs-usage-plan-no-key-required.log': {
    traces: 1,
    requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
    fields: { httpMethod: 'GET', apiKey: undefined },
  },
  'kc-lambda-integration-wrong-http-method-500.log': {
    traces: 1,
    requestId: 'unidentified-1',
    status: 500,
    category: 'integration-error',
    reason: /403 \(AccessDeniedException\)/,
    fields: { integrationStatus: 403, integrationLatencyMs: 3 },
  },
  'kc-malformed-502-empty-config-error.log': {
    traces: 1,
    requestId: 'unidentified-1',
    status: 502,
    category: 'integration-error',
    reason: /no reason was logged/,
  },
  'kc-malformed-502-lambda-permission-denied.log': {
    traces: 1,
    requestId: 'unidentified-1',
    status: 502,
    category: 'integration-error',
    reason: /Lambda function failed: \[Errno 13\] Permission denied/,
  },
  'krisgholson-binary-body-unable-to-transform-500.log': {
    traces: 1,
    requestId: 'unidentified-1',
    status: 500,
    category: 'integration-error',
    reason: /Unable to transform request/,
  },
  'liangruibupt-testinvoke-http-integration-403.log': {
    traces: 1,
    requestId: '184996c0-dfb8-4095-9305-59b46a06f147',
    status: 403,
    category: 'integration-error',
    reason: /403 \(ForbiddenException\)/,
    fields: {
      httpMethod: 'GET',
      resourcePath: '/webpage-vpc',
      integrationLatencyMs: 19,
    },
  },
  'liangruibupt-testinvoke-vpclink-cert-mismatch-500.log': {
    traces: 1,
    requestId: '2cd9f026-8ece-42b5-a448-fcbf917ba63e',
    status: 500,
    category: 'integration-error',
    reason: /TLS certificate does not match/,
    fields: { httpMethod: 'GET', resourcePath: '/webpage-vpc' },
  },
  'rotemtam-2016-no-prefix-api-key-lambda-200.log': {
    traces: 1,
    requestId: '9ac0eacd-87c5-11e6-b30c-19c3d9849330',
    status: 200,
    fields: {
      httpMethod: 'POST',
      resourcePath: '/repos/hello',
      apiKey: `${KEY}bMZHBg`,
      startTime: Date.parse('2016-10-01T10:55:45.602Z'),
      endTime: Date.parse('2016-10-01T10:55:45.697Z'),
    },
  },
  'rotemtam-2016-no-prefix-lambda-handled-error-400.log': {
    traces: 1,
    requestId: '9537d573-87c5-11e6-b3e4-6f23bc206746',
    status: 400,
    category: 'integration-error',
    reason: /X-Amz-Function-Error=Handled.*status code 422/,
    fields: { apiKey: `${KEY}bMZHBg`, resourcePath: '/repos/hello' },
  },
  'tmobile-jazz-two-requests-200.log': {
    traces: 2,
    requestId: '706499f2-afe6-11e8-b7eb-8d53f824f304',
    status: 200,
    fields: { httpMethod: 'POST', resourcePath: '/api/jazztest/abc' },
  },
};

describe('parseExecutionLog on the real traces', () => {
  it('has a table row for every copied fixture', () => {
    expect(Object.keys(TABLE).sort()).toEqual(fixtureNames());
  });

  it.each(Object.entries(TABLE))('%s', (name, expected) => {
    const traces = parseExecutionLog(fixtureLog(name));
    expect(traces).toHaveLength(expected.traces);
    const main = traces[0];
    expect(main.requestId).toBe(expected.requestId);
    expect(main.status).toBe(expected.status);
    expect(main.failure?.category).toBe(expected.category);
    expect(main.failure?.reason ?? '').toMatch(expected.reason ?? /^/);
    for (const [key, value] of Object.entries(expected.fields ?? {})) {
      expect([key, main[key as keyof ExecutionTrace]]).toEqual([key, value]);
    }
    for (const trace of traces) {
      // Every line of the real traces is a known template.
      expect(trace.events.filter(e => e.kind === 'unknown')).toEqual([]);
    }
  });

  it('tolerates # comment lines in pasted text', () => {
    // The parser needs no help: a pasted file with comments still parses.
    const traces = parseExecutionLog(
      `# source: x\n# kind: y\n${fixtureLog('ericallam-key-throttle-429.log')}`,
    );
    expect(traces.map(t => t.failure?.category)).toContain('throttled');
  });

  it('keeps the other requests of a multi-request log apart', () => {
    const traces = parseExecutionLog(
      fixtureLog('ericallam-multi-request-malformed-502.log'),
    );
    expect(traces.map(t => [t.status, t.failure?.category])).toEqual([
      [502, 'integration-error'],
      [200, undefined],
      [200, undefined],
      [200, undefined],
    ]);
    expect(traces.map(t => t.events.length)).toEqual([21, 23, 23, 23]);
  });
});
