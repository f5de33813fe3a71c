import { readFileSync } from 'fs';
import { join } from 'path';
import { FIXTURE_DIR } from './__testUtils__/fixtures';
import { parseExecutionLog } from './parse';
import { extractFields, matchTemplate } from './templates';
import type { ExecutionLogEventFields, ExecutionLogEventKind } from './types';

/** The templates of catalogue.md sections 3.1 and 3.2, as written there. */
function catalogueTemplates(): string[] {
  const text = readFileSync(join(FIXTURE_DIR, 'catalogue.md'), 'utf8');
  const start = text.indexOf('### 3.1');
  const end = text.indexOf('## 4.');
  const templates: string[] = [];
  for (const line of text.slice(start, end).split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| phase')) continue;
    const cells = line.split(/(?<!\\)\|/).map(c => c.trim());
    const cell = cells[2] ?? '';
    const m = /^`(.+)`$/.exec(cell);
    if (m) templates.push(m[1].replace(/\\\|/g, '|'));
  }
  return templates;
}

const SAMPLE_VALUES: Record<string, string> = {
  requestId: '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998',
  extendedRequestId: 'Vts2FFmArPEFh8g=',
  authorizerId: 'q8togz',
  maskedKey: '**********************************bMZHBg',
  maskedIdentity: '********I1BUdE',
  maskedPrincipal: '****bkwef5',
  apiKeyId: 'k2x5a8b',
  apiId: 'uwe3g5jm54',
  stage: 'Prod',
  usagePlanId: 'nnpegc',
  resourceId: 'k0w8mc',
  method: 'GET',
  METHOD: 'GET',
  resource: '/pets',
  path: '/pets/1',
  status: '502',
  lambdaStatus: '200',
  n: '12',
  rate: '1.00',
  burst: '2',
  uri: 'https://lambda.eu-west-2.amazonaws.com/2015-03-31/functions/f/invocations',
  map: '{a=b, Date=Tue, 26 Feb 2019 15:29:33 GMT}',
  body: '{"ok":true}',
  mime: 'application/json',
  'DAY|WEEK|MONTH': 'DAY',
};

function instantiate(template: string): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    return SAMPLE_VALUES[name] ?? 'x1';
  });
}

describe('message templates', () => {
  const templates = catalogueTemplates();

  it('reads all 58 templates of the catalogue', () => {
    expect(templates).toHaveLength(58);
  });

  it.each(templates)('recognises %s', template => {
    const line = instantiate(template);
    expect(matchTemplate(line)).not.toBe('unknown');
    const [trace] = parseExecutionLog(`(${SAMPLE_VALUES.requestId}) ${line}`);
    expect(trace.events[0].kind).not.toBe('unknown');
  });

  // Every kind, with a real line and the fields its template carries.
  const CASES: Array<[string, ExecutionLogEventKind, ExecutionLogEventFields]> =
    [
      [
        'Execution log for request 184996c0-dfb8-4095-9305-59b46a06f147',
        'execution-log-header',
        { requestId: '184996c0-dfb8-4095-9305-59b46a06f147' },
      ],
      [
        'Extended Request Id: Vts2FFmArPEFh8g=',
        'extended-request-id',
        { extendedRequestId: 'Vts2FFmArPEFh8g=' },
      ],
      [
        'Starting execution for request: test-invoke-request',
        'execution-start',
        { requestId: 'test-invoke-request' },
      ],
      [
        'Starting authorizer: 62mgrc for request: 3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
        'authorizer-start',
        {
          authorizerId: '62mgrc',
          requestId: '3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
        },
      ],
      [
        'Incoming identity: {method.request.header.Hash=********aaaaaa}',
        'authorizer-identity',
        { value: '{method.request.header.Hash=********aaaaaa}' },
      ],
      [
        'Authorizer result body before parsing: null',
        'authorizer-result-body',
        { value: 'null' },
      ],
      [
        'Using valid authorizer policy for principal: ****bkwef5',
        'authorizer-policy',
        { principal: '****bkwef5' },
      ],
      ['Successfully completed authorizer execution', 'authorizer-success', {}],
      [
        'Unauthorized request: fd443056-60d0-425f-874e-e93e5d61351e',
        'authorizer-unauthorized',
        { requestId: 'fd443056-60d0-425f-874e-e93e5d61351e' },
      ],
      ['Unauthorized', 'unauthorized', {}],
      [
        'AuthorizerConfigurationException',
        'authorizer-configuration-exception',
        {},
      ],
      [
        'API Key: **********************************bMZHBg',
        'api-key',
        { apiKey: '**********************************bMZHBg' },
      ],
      ['API Key ID: a1b2c3d4e5', 'api-key-id', { apiKeyId: 'a1b2c3d4e5' }],
      [
        'Verifying Usage Plan for request: 4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998. API Key:  API Stage: uwe3g5jm54/Prod',
        'usage-plan-verify',
        {
          requestId: '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998',
          apiId: 'uwe3g5jm54',
          stage: 'Prod',
        },
      ],
      [
        "API Key  authorized because method 'POST /jazztest/abc' does not require API Key. Request will not contribute to throttle or quota limits",
        'api-key-not-required',
        { httpMethod: 'POST', resourcePath: '/jazztest/abc' },
      ],
      [
        "API Key not authorized because method 'GET /' requires API Key and API Key is not associated with a Usage Plan for API Stage abc/dev",
        'api-key-not-authorized',
        { httpMethod: 'GET', resourcePath: '/', apiId: 'abc', stage: 'dev' },
      ],
      [
        'Usage Plan check succeeded for API Key **********************************bMZHBg and API Stage ulhoxnm2x2/dev',
        'usage-plan-check-succeeded',
        {
          apiKey: '**********************************bMZHBg',
          apiId: 'ulhoxnm2x2',
          stage: 'dev',
        },
      ],
      [
        'Usage Plan check failed due to an internal error',
        'usage-plan-check-failed',
        {},
      ],
      [
        'Key throttle limit exceeded for RestApi uwe3g5jm54, Stage Prod, Resource k0w8mc, HttpMethod POST. Limit: 1.00 Burst: 1',
        'throttle-limit-exceeded',
        {
          apiId: 'uwe3g5jm54',
          stage: 'Prod',
          resourceId: 'k0w8mc',
          httpMethod: 'POST',
          rateLimit: 1,
          burstLimit: 1,
        },
      ],
      [
        'API Key ****FGQes7 exceeded throttle limit for API Stage abc123/prod: Key throttle limit exceeded for Usage Plan ID up1, RestApi abc123, Stage prod, Resource r1, HttpMethod GET. Limit: 1.00 Burst: 1',
        'usage-plan-throttled',
        {
          apiKey: '****FGQes7',
          apiId: 'abc123',
          stage: 'prod',
          usagePlanId: 'up1',
          rateLimit: 1,
          burstLimit: 1,
        },
      ],
      [
        'API Key ****FGQes7 exceeded quota limit for API Stage abc123/prod: Key quota exhausted for Usage Plan ID up1. Quota Limit: 500 Period: DAY',
        'usage-plan-quota-exceeded',
        {
          apiKey: '****FGQes7',
          usagePlanId: 'up1',
          quotaLimit: 500,
          quotaPeriod: 'DAY',
        },
      ],
      [
        'HTTP Method: GET, Resource Path: /books',
        'method-request',
        { httpMethod: 'GET', resourcePath: '/books' },
      ],
      [
        'Method request path: {id=1}',
        'method-request-path',
        { value: '{id=1}' },
      ],
      [
        'Method request query string: {q=a}',
        'method-request-query-string',
        { value: '{q=a}' },
      ],
      [
        'Method request headers: {Accept=*/*}',
        'method-request-headers',
        { value: '{Accept=*/*}' },
      ],
      [
        'Method request body before transformations: [Binary Data]',
        'method-request-body',
        { value: '[Binary Data]' },
      ],
      [
        'Request validation succeeded for content type application/json',
        'request-validation-succeeded',
        { contentType: 'application/json' },
      ],
      [
        'Request body validation failed due to an unexpected error',
        'request-validation-failed',
        {},
      ],
      [
        'Endpoint request URI: https://example.com/x',
        'endpoint-request-uri',
        { uri: 'https://example.com/x' },
      ],
      [
        'Endpoint request headers: {Host=example.com}',
        'endpoint-request-headers',
        { value: '{Host=example.com}' },
      ],
      [
        'Endpoint request body after transformations: ',
        'endpoint-request-body',
        { value: '' },
      ],
      [
        'Sending request to https://example.com/x',
        'endpoint-request-sent',
        { uri: 'https://example.com/x' },
      ],
      [
        'Received response. Integration latency: 40 ms',
        'endpoint-response-received',
        { latencyMs: 40 },
      ],
      [
        'Received response. Status: 403, Integration latency: 19 ms',
        'endpoint-response-received',
        { integrationStatus: 403, latencyMs: 19 },
      ],
      [
        'Endpoint response headers: {Connection=keep-alive}',
        'endpoint-response-headers',
        { value: '{Connection=keep-alive}' },
      ],
      [
        'Endpoint response body before transformations: "quoted"',
        'endpoint-response-body',
        { value: '"quoted"' },
      ],
      [
        'Method response body after transformations: {}',
        'method-response-body',
        { value: '{}' },
      ],
      [
        'Method response headers: {Content-Type=application/json}',
        'method-response-headers',
        { value: '{Content-Type=application/json}' },
      ],
      ['Successfully completed execution', 'execution-succeeded', {}],
      [
        'Method completed with status: 502',
        'method-completed',
        { status: 502 },
      ],
      [
        'AWS Integration Endpoint RequestId : 71952965-d5cc-4974-ae08-6e2138b2275c',
        'integration-request-id',
        { integrationRequestId: '71952965-d5cc-4974-ae08-6e2138b2275c' },
      ],
      [
        'X-ray Tracing ID : 1-5c7674f4-a3491d0a9c8012c191821b83',
        'xray-trace-id',
        { xrayTraceId: '1-5c7674f4-a3491d0a9c8012c191821b83' },
      ],
      [
        'Execution failed due to configuration error: Malformed Lambda proxy response',
        'configuration-error',
        { errorMessage: 'Malformed Lambda proxy response' },
      ],
      [
        'Execution failed due to configuration error:',
        'configuration-error',
        { errorMessage: '' },
      ],
      ['Execution failed due to a timeout error', 'timeout-error', {}],
      [
        'Execution failed due to an internal error',
        'execution-failed',
        { errorMessage: 'an internal error' },
      ],
      [
        'Lambda invocation failed with status: 429. Lambda request id: 0a1b',
        'lambda-invocation-failed',
        { integrationStatus: 429, lambdaRequestId: '0a1b' },
      ],
      [
        'Lambda execution failed with status 200 due to customer function error: 2019-02-27T11:31:11.456Z 7195 Task timed out after 10.00 seconds. Lambda request id: 71952965-d5cc',
        'lambda-function-error',
        {
          integrationStatus: 200,
          errorMessage:
            '2019-02-27T11:31:11.456Z 7195 Task timed out after 10.00 seconds',
          lambdaRequestId: '71952965-d5cc',
        },
      ],
      ['Something else entirely', 'unknown', {}],
    ];

  it.each(CASES)('%s', (line, kind, fields) => {
    expect(matchTemplate(line)).toBe(kind);
    const got: ExecutionLogEventFields = {};
    extractFields(kind, line, got);
    expect(got).toEqual(expect.objectContaining(fields));
  });
});
