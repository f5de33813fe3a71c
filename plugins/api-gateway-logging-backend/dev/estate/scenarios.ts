import { Rng } from './rng';

/*
 * Request outcomes of the local estate's traffic, each written with the real
 * execution-log message templates (shared/fixtures/execution-logs/
 * catalogue.md). Every message is marked with the lowest logging level that
 * writes it, so an ERROR-level stage logs only the error lines.
 */

/** What a generated request is. */
export type Scenario =
  | 'success'
  | 'authorizer-denied'
  | 'authorizer-error'
  | 'key-throttled'
  | 'quota-exceeded'
  | 'missing-api-key'
  | 'integration-timeout'
  | 'malformed-proxy-response'
  | 'lambda-throttled'
  | 'lambda-function-error';

/** The stage and method a request hits. */
export interface RequestContext {
  accountId: string;
  region: string;
  apiId: string;
  stage: string;
  httpMethod: string;
  /** The resource template, e.g. `/payments/{id}`. */
  resource: string;
  /** The actual path, e.g. `/payments/42`. */
  path: string;
  resourceId: string;
  functionName: string;
  authorizerId?: string;
  usagePlanId?: string;
  /** API keys as API Gateway masks them: 34 `*` + last 6 characters. */
  apiKeyTail?: string;
}

export interface GeneratedMessage {
  /** Milliseconds after the request started. */
  offsetMs: number;
  level: 'INFO' | 'ERROR';
  message: string;
}

export interface GeneratedRequest {
  requestId: string;
  extendedRequestId: string;
  scenario: Scenario;
  status: number;
  latencyMs: number;
  integrationLatencyMs?: number;
  errorResponseType?: string;
  errorMessage?: string;
  messages: GeneratedMessage[];
}

const MASK = '*'.repeat(34);
const USER_AGENTS = [
  'okhttp/4.12.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'python-requests/2.32.3',
  'aws-sdk-js/3.700.0',
];

function base64url(text: string): string {
  return Buffer.from(text)
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** A JWT-shaped bearer token: the kind of secret the parser must redact. */
function fakeJwt(rng: Rng): string {
  const header = base64url('{"alg":"HS256","typ":"JWT"}');
  const payload = base64url(
    JSON.stringify({ sub: `user-${rng.int(1000, 9999)}`, iat: 1732000000 }),
  );
  return `${header}.${payload}.${base64url(rng.hex(32))}`;
}

class Builder {
  readonly messages: GeneratedMessage[] = [];
  private t = 0;
  constructor(private readonly rng: Rng) {}

  add(level: 'INFO' | 'ERROR', message: string, stepMs = this.rng.int(0, 2)) {
    this.t += stepMs;
    this.messages.push({ offsetMs: this.t, level, message });
  }

  elapsed(): number {
    return this.t;
  }
}

function lambdaUri(ctx: RequestContext): string {
  return `https://lambda.${ctx.region}.amazonaws.com/2015-03-31/functions/arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${ctx.functionName}/invocations`;
}

function maskedKey(ctx: RequestContext): string {
  return ctx.apiKeyTail ? `${MASK}${ctx.apiKeyTail}` : '';
}

function authorizer(b: Builder, ctx: RequestContext, rid: string, rng: Rng) {
  if (!ctx.authorizerId) return;
  b.add('INFO', `Starting authorizer: ${ctx.authorizerId} for request: ${rid}`);
  b.add('INFO', `Incoming identity: ${MASK}${rng.hex(6)}`);
  b.add(
    'INFO',
    `Endpoint request URI: ${lambdaUri({
      ...ctx,
      functionName: `${ctx.functionName}-authorizer`,
    })}`,
  );
  b.add(
    'INFO',
    `Authorizer result body before parsing: {"principalId":"user-${rng.int(
      1000,
      9999,
    )}","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"arn:aws:execute-api:${
      ctx.region
    }:${ctx.accountId}:${ctx.apiId}/${ctx.stage}/*"}]}}`,
    rng.int(5, 40),
  );
  b.add(
    'INFO',
    `Using valid authorizer policy for principal: ${'*'.repeat(8)}${rng.hex(
      6,
    )}`,
  );
  b.add('INFO', 'Successfully completed authorizer execution');
}

function usagePlan(b: Builder, ctx: RequestContext, rid: string) {
  const key = maskedKey(ctx);
  b.add(
    'INFO',
    `Verifying Usage Plan for request: ${rid}. API Key: ${key} API Stage: ${ctx.apiId}/${ctx.stage}`,
  );
  if (ctx.usagePlanId) {
    b.add(
      'INFO',
      `Usage Plan check succeeded for API Key ${key} and API Stage ${ctx.apiId}/${ctx.stage}`,
    );
  } else {
    b.add(
      'INFO',
      `API Key ${key} authorized because method '${ctx.httpMethod} ${ctx.resource}' does not require API Key. Request will not contribute to throttle or quota limits`,
    );
  }
}

function methodRequest(b: Builder, ctx: RequestContext, rid: string, rng: Rng) {
  b.add('INFO', `Starting execution for request: ${rid}`);
  b.add('INFO', `HTTP Method: ${ctx.httpMethod}, Resource Path: ${ctx.path}`);
  const id = ctx.path.split('/').pop();
  b.add(
    'INFO',
    `Method request path: {${ctx.resource.includes('{') ? `id=${id}` : ''}}`,
  );
  b.add('INFO', 'Method request query string: {}');
  // A custom header carrying a bearer token in clear, as real logs show:
  // the parser must redact it before anyone sees it.
  b.add(
    'INFO',
    `Method request headers: {Accept=application/json, Authorization=${MASK}${rng.hex(
      6,
    )}, Host=${ctx.apiId}.execute-api.${
      ctx.region
    }.amazonaws.com, User-Agent=${rng.pick(
      USER_AGENTS,
    )}, X-Amzn-Trace-Id=Root=1-${rng.hex(8)}-${rng.hex(
      24,
    )}, X-Session-Token=${fakeJwt(rng)}, X-Forwarded-Proto=https}`,
  );
  b.add(
    'INFO',
    `Method request body before transformations: ${
      ctx.httpMethod === 'GET'
        ? ''
        : `{"amount":${rng.int(
            1,
            900,
          )},"currency":"EUR","reference":"ord-${rng.hex(8)}"}`
    }`,
  );
}

function integrationRequest(
  b: Builder,
  ctx: RequestContext,
  rid: string,
  rng: Rng,
) {
  const uri = lambdaUri(ctx);
  b.add('INFO', `Endpoint request URI: ${uri}`);
  b.add(
    'INFO',
    `Endpoint request headers: {X-Amz-Date=20261121T060000Z, x-amzn-apigateway-api-id=${
      ctx.apiId
    }, Accept=application/json, User-Agent=AmazonAPIGateway_${
      ctx.apiId
    }, Host=lambda.${ctx.region}.amazonaws.com, X-Amz-Content-Sha256=${rng.hex(
      64,
    )}, X-Amzn-Trace-Id=Root=1-${rng.hex(8)}-${rng.hex(
      24,
    )}, x-amzn-lambda-integration-tag=${rid}, Authorization=${MASK}${rng.hex(
      6,
    )}, X-Amz-Source-Arn=arn:aws:execute-api:${ctx.region}:${ctx.accountId}:${
      ctx.apiId
    }/${ctx.stage}/${ctx.httpMethod}${
      ctx.resource
    }, X-Amz-Security-Token=IQoJb3JpZ2luX2VjE${rng.hex(40)} [TRUNCATED]`,
  );
  b.add(
    'INFO',
    `Endpoint request body after transformations: {"resource":"${
      ctx.resource
    }","path":"${ctx.path}","httpMethod":"${
      ctx.httpMethod
    }","headers":{"Accept":"application/json","X-Session-Token":"${fakeJwt(
      rng,
    )}"},"requestContext":{"requestId":"${rid}","stage":"${
      ctx.stage
    }"}} [TRUNCATED]`,
  );
  b.add('INFO', `Sending request to ${uri}`);
}

function completion(
  b: Builder,
  status: number,
  rng: Rng,
  level: 'INFO' | 'ERROR',
) {
  b.add(level, `Method completed with status: ${status}`);
  if (level === 'INFO') {
    b.add('INFO', `AWS Integration Endpoint RequestId : ${rng.uuid()}`, 0);
    b.add('INFO', `X-ray Tracing ID : Root=1-${rng.hex(8)}-${rng.hex(24)}`, 0);
  }
}

type Outcome = Omit<
  GeneratedRequest,
  'requestId' | 'extendedRequestId' | 'scenario' | 'messages' | 'latencyMs'
>;

function build(
  scenario: Scenario,
  b: Builder,
  ctx: RequestContext,
  rid: string,
  rng: Rng,
): Outcome {
  switch (scenario) {
    case 'authorizer-denied': {
      b.add(
        'INFO',
        `Starting authorizer: ${
          ctx.authorizerId ?? 'a1b2c3'
        } for request: ${rid}`,
      );
      b.add('INFO', `Incoming identity: ${MASK}${rng.hex(6)}`);
      b.add('ERROR', `Unauthorized request: ${rid}`, rng.int(5, 60));
      b.add('ERROR', 'Method completed with status: 401');
      return {
        status: 401,
        errorResponseType: 'UNAUTHORIZED',
        errorMessage: 'Unauthorized',
      };
    }
    case 'authorizer-error': {
      b.add(
        'INFO',
        `Starting authorizer: ${
          ctx.authorizerId ?? 'a1b2c3'
        } for request: ${rid}`,
      );
      b.add('INFO', `Incoming identity: ${MASK}${rng.hex(6)}`);
      b.add(
        'INFO',
        `Authorizer result body before parsing: {"errorMessage":"connect ETIMEDOUT 10.0.3.17:443","errorType":"Error"}`,
        rng.int(100, 900),
      );
      b.add(
        'ERROR',
        'Execution failed due to configuration error: Authorizer error',
      );
      b.add('ERROR', 'Method completed with status: 500');
      return {
        status: 500,
        errorResponseType: 'AUTHORIZER_CONFIGURATION_ERROR',
        errorMessage: 'Internal server error',
      };
    }
    case 'key-throttled': {
      const key = maskedKey(ctx);
      b.add(
        'INFO',
        `Verifying Usage Plan for request: ${rid}. API Key: ${key} API Stage: ${ctx.apiId}/${ctx.stage}`,
      );
      b.add(
        'ERROR',
        `API Key ${key} exceeded throttle limit for API Stage ${ctx.apiId}/${
          ctx.stage
        }: Key throttle limit exceeded for Usage Plan ID ${
          ctx.usagePlanId ?? 'up0000'
        }, RestApi ${ctx.apiId}, Stage ${ctx.stage}, Resource ${
          ctx.resourceId
        }, HttpMethod ${ctx.httpMethod}. Limit: 10.00 Burst: 20`,
      );
      b.add('ERROR', 'Method completed with status: 429');
      return {
        status: 429,
        errorResponseType: 'THROTTLED',
        errorMessage: 'Too Many Requests',
      };
    }
    case 'quota-exceeded': {
      const key = maskedKey(ctx);
      b.add(
        'INFO',
        `Verifying Usage Plan for request: ${rid}. API Key: ${key} API Stage: ${ctx.apiId}/${ctx.stage}`,
      );
      b.add(
        'ERROR',
        `API Key ${key} exceeded quota limit for API Stage ${ctx.apiId}/${
          ctx.stage
        }: Key quota exhausted for Usage Plan ID ${
          ctx.usagePlanId ?? 'up0000'
        }. Quota Limit: 5000 Period: DAY`,
      );
      b.add('ERROR', 'Method completed with status: 429');
      return {
        status: 429,
        errorResponseType: 'QUOTA_EXCEEDED',
        errorMessage: 'Limit Exceeded',
      };
    }
    case 'missing-api-key': {
      b.add(
        'INFO',
        `Verifying Usage Plan for request: ${rid}. API Key:  API Stage: ${ctx.apiId}/${ctx.stage}`,
      );
      b.add(
        'ERROR',
        `API Key not authorized because method '${ctx.httpMethod} ${ctx.resource}' requires API Key and API Key is not associated with a Usage Plan for API Stage ${ctx.apiId}/${ctx.stage}`,
      );
      b.add('ERROR', 'Method completed with status: 403');
      return {
        status: 403,
        errorResponseType: 'INVALID_API_KEY',
        errorMessage: 'Forbidden',
      };
    }
    default:
      break;
  }

  authorizer(b, ctx, rid, rng);
  usagePlan(b, ctx, rid);
  methodRequest(b, ctx, rid, rng);
  integrationRequest(b, ctx, rid, rng);

  switch (scenario) {
    case 'integration-timeout': {
      b.add('ERROR', 'Execution failed due to a timeout error', 29000);
      b.add('ERROR', 'Method completed with status: 504');
      return {
        status: 504,
        integrationLatencyMs: 29000,
        errorResponseType: 'INTEGRATION_TIMEOUT',
        errorMessage: 'Endpoint request timed out',
      };
    }
    case 'malformed-proxy-response': {
      const latency = rng.int(8, 120);
      b.add(
        'INFO',
        `Received response. Status: 200, Integration latency: ${latency} ms`,
        latency,
      );
      b.add(
        'INFO',
        `Endpoint response headers: {Date=Sat, 21 Nov 2026 06:00:00 GMT, Content-Type=application/json, Content-Length=14, Connection=keep-alive, x-amzn-RequestId=${rng.uuid()}, X-Amzn-Trace-Id=Root=1-${rng.hex(
          8,
        )}-${rng.hex(24)}}`,
      );
      b.add(
        'INFO',
        'Endpoint response body before transformations: "Bad response"',
      );
      b.add(
        'ERROR',
        'Execution failed due to configuration error: Malformed Lambda proxy response',
      );
      completion(b, 502, rng, 'ERROR');
      return {
        status: 502,
        integrationLatencyMs: latency,
        errorResponseType: 'DEFAULT_5XX',
        errorMessage: 'Internal server error',
      };
    }
    case 'lambda-throttled': {
      const latency = rng.int(3, 20);
      b.add(
        'ERROR',
        `Lambda invocation failed with status: 429. Lambda request id: ${rng.uuid()}`,
        latency,
      );
      b.add(
        'ERROR',
        'Execution failed due to configuration error: Rate Exceeded.',
      );
      completion(b, 500, rng, 'ERROR');
      return {
        status: 500,
        integrationLatencyMs: latency,
        errorResponseType: 'API_CONFIGURATION_ERROR',
        errorMessage: 'Internal server error',
      };
    }
    case 'lambda-function-error': {
      const latency = rng.int(20, 900);
      b.add(
        'INFO',
        `Received response. Status: 200, Integration latency: ${latency} ms`,
        latency,
      );
      b.add(
        'ERROR',
        `Lambda execution failed with status 200 due to customer function error: Cannot read properties of undefined (reading 'amount'). Lambda request id: ${rng.uuid()}`,
      );
      completion(b, 502, rng, 'ERROR');
      return {
        status: 502,
        integrationLatencyMs: latency,
        errorResponseType: 'DEFAULT_5XX',
        errorMessage: 'Internal server error',
      };
    }
    default: {
      const latency = rng.int(12, 350);
      b.add(
        'INFO',
        `Received response. Status: 200, Integration latency: ${latency} ms`,
        latency,
      );
      b.add(
        'INFO',
        `Endpoint response headers: {Date=Sat, 21 Nov 2026 06:00:00 GMT, Content-Type=application/json, Content-Length=${rng.int(
          40,
          900,
        )}, Connection=keep-alive, x-amzn-RequestId=${rng.uuid()}, X-Amzn-Trace-Id=Root=1-${rng.hex(
          8,
        )}-${rng.hex(24)};Parent=${rng.hex(16)};Sampled=1}`,
      );
      b.add(
        'INFO',
        `Endpoint response body before transformations: {"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\\"id\\":\\"${rng.uuid()}\\",\\"status\\":\\"ok\\"}"}`,
      );
      b.add(
        'INFO',
        `Method response body after transformations: {"id":"${rng.uuid()}","status":"ok"}`,
      );
      b.add(
        'INFO',
        `Method response headers: {Content-Type=application/json, X-Amzn-Trace-Id=Root=1-${rng.hex(
          8,
        )}-${rng.hex(24)};Parent=${rng.hex(16)};Sampled=1}`,
      );
      b.add('INFO', 'Successfully completed execution');
      completion(b, 200, rng, 'INFO');
      return { status: 200, integrationLatencyMs: latency };
    }
  }
}

/** Generates one request of the given scenario. */
export function generateRequest(
  scenario: Scenario,
  ctx: RequestContext,
  rng: Rng,
): GeneratedRequest {
  const requestId = rng.uuid();
  const extendedRequestId = rng.extendedId();
  const b = new Builder(rng);
  b.add('INFO', `Extended Request Id: ${extendedRequestId}`, 0);
  const outcome = build(scenario, b, ctx, requestId, rng);
  return {
    requestId,
    extendedRequestId,
    scenario,
    latencyMs: b.elapsed() + rng.int(1, 5),
    messages: b.messages,
    ...outcome,
  };
}
