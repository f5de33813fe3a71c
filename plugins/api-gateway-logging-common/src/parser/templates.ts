import type { ExecutionLogEventFields, ExecutionLogEventKind } from './types';

/**
 * Recognises the execution-log message templates (catalogue sections 3.1 and
 * 3.2). Dispatch is on the first two characters and then an anchored test of fixed
 * labels, so a message costs a handful of comparisons instead of one regular
 * expression per template. Field extraction uses `indexOf` and `slice` only:
 * the text may be hostile and up to the per-event cap long.
 */

type Fields = ExecutionLogEventFields;

// Label a message starts with -> its kind; the longest matching label wins
// (`API Key ID:` over `API Key:`).
const LABELS: Array<[string, ExecutionLogEventKind]> = [
  ['Execution log for request ', 'execution-log-header'],
  ['Extended Request Id:', 'extended-request-id'],
  ['Starting execution for request:', 'execution-start'],
  ['Starting authorizer:', 'authorizer-start'],
  ['Incoming identity:', 'authorizer-identity'],
  ['Authorizer result body before parsing:', 'authorizer-result-body'],
  ['Using valid authorizer policy for principal:', 'authorizer-policy'],
  ['Successfully completed authorizer execution', 'authorizer-success'],
  ['Unauthorized request:', 'authorizer-unauthorized'],
  ['Unauthorized', 'unauthorized'],
  ['AuthorizerConfigurationException', 'authorizer-configuration-exception'],
  ['API Key ID:', 'api-key-id'],
  ['API Key:', 'api-key'],
  ['API Key not authorized', 'api-key-not-authorized'],
  // `API Key {key} authorized because ...` / `exceeded ... limit`: resolved
  // below from the rest of the line.
  ['API Key ', 'unknown'],
  ['Verifying Usage Plan for request:', 'usage-plan-verify'],
  ['Usage Plan check succeeded', 'usage-plan-check-succeeded'],
  ['Usage Plan check failed', 'usage-plan-check-failed'],
  ['Key throttle limit exceeded', 'throttle-limit-exceeded'],
  ['HTTP Method: ', 'method-request'],
  ['Method request path:', 'method-request-path'],
  ['Method request query string:', 'method-request-query-string'],
  ['Method request headers:', 'method-request-headers'],
  ['Method request body before transformations:', 'method-request-body'],
  ['Request validation succeeded', 'request-validation-succeeded'],
  ['Request body validation failed', 'request-validation-failed'],
  ['Request body does not match model schema', 'request-validation-failed'],
  ['Endpoint request URI:', 'endpoint-request-uri'],
  ['Endpoint request headers:', 'endpoint-request-headers'],
  ['Endpoint request body after transformations:', 'endpoint-request-body'],
  ['Sending request to ', 'endpoint-request-sent'],
  ['Received response.', 'endpoint-response-received'],
  ['Endpoint response headers:', 'endpoint-response-headers'],
  ['Endpoint response body before transformations:', 'endpoint-response-body'],
  ['Method response body after transformations:', 'method-response-body'],
  ['Method response headers:', 'method-response-headers'],
  ['Successfully completed execution', 'execution-succeeded'],
  ['Method completed with status:', 'method-completed'],
  ['AWS Integration Endpoint RequestId', 'integration-request-id'],
  ['X-ray Tracing ID', 'xray-trace-id'],
  ['Execution failed due to configuration error', 'configuration-error'],
  ['Execution failed due to a timeout error', 'timeout-error'],
  ['Execution failed due to ', 'execution-failed'],
  ['Lambda invocation failed with status', 'lambda-invocation-failed'],
  ['Lambda execution failed with status ', 'lambda-function-error'],
];

/** A label of {@link LABELS}, compiled for {@link matchTemplate}. */
interface Entry {
  label: string;
  kind: ExecutionLogEventKind;
  /** Anchored: V8 compares an anchored literal faster than `startsWith`. */
  pattern: RegExp;
  /** A late character of the label, checked first to reject cheaply. */
  probe: number;
  probeChar: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Labels bucketed by their first two characters, longest first within a
// bucket: the first label of the bucket the body starts with is the longest
// matching label (what one anchored longest-first alternation would find),
// with no match array or substring per message. The table is dense (filled):
// assigning sparse indices to an empty array would make it a slow dictionary.
const BUCKETS: Array<Entry[] | undefined> = new Array(1 << 14).fill(undefined);
for (const [label, kind] of [...LABELS].sort(
  (a, b) => b[0].length - a[0].length,
)) {
  const key = (label.charCodeAt(0) << 7) | label.charCodeAt(1);
  const probe = label.length - 2;
  (BUCKETS[key] ??= []).push({
    label,
    kind,
    pattern: new RegExp(`^${escapeRegExp(label)}`),
    probe,
    probeChar: label.charCodeAt(probe),
  });
}

/** The kind of template `body` starts with; `'unknown'` if none. */
export function matchTemplate(body: string): ExecutionLogEventKind {
  const c0 = body.charCodeAt(0);
  const c1 = body.charCodeAt(1);
  if (!(c0 < 128 && c1 < 128)) return 'unknown'; // also NaN: too short
  const bucket = BUCKETS[(c0 << 7) | c1];
  if (bucket === undefined) return 'unknown';
  for (let i = 0; i < bucket.length; i++) {
    const entry = bucket[i];
    if (body.charCodeAt(entry.probe) !== entry.probeChar) continue;
    if (!entry.pattern.test(body)) continue;
    const label = entry.label;
    if (label === 'Unauthorized') {
      // Only the bare line; `Unauthorized foo` is not a template.
      return body.length === 12 || body.trimEnd() === 'Unauthorized'
        ? 'unauthorized'
        : 'unknown';
    }
    if (label === 'API Key ') return matchApiKeyLine(body);
    return entry.kind;
  }
  return 'unknown';
}

/** `API Key {maskedKey} ...`: the key is masked and never holds these words. */
function matchApiKeyLine(body: string): ExecutionLogEventKind {
  const head = body.length > 400 ? body.slice(0, 400) : body;
  if (head.includes(' authorized because method '))
    return 'api-key-not-required';
  if (head.includes('exceeded throttle limit')) return 'usage-plan-throttled';
  if (head.includes('exceeded quota limit')) return 'usage-plan-quota-exceeded';
  return 'unknown';
}

/** Text after `label`, without the separating whitespace (one slice). */
function after(body: string, label: string): string {
  let i = label.length;
  for (;;) {
    const c = body.charCodeAt(i);
    // ASCII whitespace inline; anything else non-ASCII goes to trimStart.
    if (c === 32 || (c >= 9 && c <= 13)) i++;
    else if (c > 127) return body.slice(i).trimStart();
    else return body.slice(i);
  }
}

/** The text between `start` and `end` markers, or undefined. */
function between(
  body: string,
  start: string,
  end: string | undefined,
  from = 0,
): string | undefined {
  const i = body.indexOf(start, from);
  if (i < 0) return undefined;
  const s = i + start.length;
  if (end === undefined) return body.slice(s).trim();
  const e = body.indexOf(end, s);
  return e < 0 ? undefined : body.slice(s, e).trim();
}

/** First whitespace-delimited word of `text`. */
function firstWord(text: string): string {
  let end = 0;
  while (end < text.length && end < 256) {
    const c = text.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13) break;
    end++;
  }
  return text.slice(0, end);
}

function toInt(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = parseInt(text, 10);
  return Number.isFinite(n) ? n : undefined;
}

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A key as logged: absent when empty; whitespace from wrapping removed. */
function apiKeyValue(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const key = text.replace(/\s+/g, '');
  return key === '' ? undefined : key;
}

/** `{apiId}/{stage}` into its parts. */
function setStage(fields: Fields, text: string | undefined): void {
  if (!text) return;
  const word = firstWord(text).replace(/[:.,]+$/, '');
  const slash = word.indexOf('/');
  if (slash < 0) return;
  fields.apiId = word.slice(0, slash);
  fields.stage = word.slice(slash + 1);
}

/** `... Limit: {rate} Burst: {burst}` of throttle lines. */
function setThrottle(fields: Fields, body: string): void {
  const rate = between(body, 'Limit: ', ' ');
  fields.rateLimit = toNumber(rate);
  const burst = between(body, 'Burst: ', undefined);
  fields.burstLimit = toNumber(burst);
  const resource = between(body, 'Resource ', ',');
  if (resource) fields.resourceId = resource;
  const method = between(body, 'HttpMethod ', undefined);
  if (method) fields.httpMethod = method.replace(/[.,].*$/s, '');
}

/** `method 'GET /path'` into method and resource. */
function setMethodResource(fields: Fields, body: string): void {
  const quoted = between(body, "method '", "'");
  if (!quoted) return;
  const space = quoted.indexOf(' ');
  if (space < 0) return;
  fields.httpMethod = quoted.slice(0, space);
  fields.resourcePath = quoted.slice(space + 1);
}

/**
 * Fills the fields the template of `kind` carries, read from `body` (which
 * the caller has already redacted).
 */
export function extractFields(
  kind: ExecutionLogEventKind,
  body: string,
  fields: Fields,
): void {
  switch (kind) {
    case 'execution-log-header':
      fields.requestId = firstWord(after(body, 'Execution log for request'));
      return;
    case 'extended-request-id':
      fields.extendedRequestId = firstWord(after(body, 'Extended Request Id:'));
      return;
    case 'execution-start':
      fields.requestId = firstWord(
        after(body, 'Starting execution for request:'),
      );
      return;
    case 'authorizer-start': {
      const rest = after(body, 'Starting authorizer:');
      fields.authorizerId = firstWord(rest);
      const id = between(rest, 'for request:', undefined);
      if (id) fields.requestId = firstWord(id);
      return;
    }
    case 'authorizer-identity':
      fields.value = after(body, 'Incoming identity:');
      return;
    case 'authorizer-result-body':
      fields.value = after(body, 'Authorizer result body before parsing:');
      return;
    case 'authorizer-policy':
      fields.principal = after(
        body,
        'Using valid authorizer policy for principal:',
      );
      return;
    case 'authorizer-unauthorized':
      fields.requestId = firstWord(after(body, 'Unauthorized request:'));
      return;
    case 'api-key':
      fields.apiKey = apiKeyValue(firstWord(after(body, 'API Key:')));
      return;
    case 'api-key-id':
      fields.apiKeyId = firstWord(after(body, 'API Key ID:'));
      return;
    case 'usage-plan-verify': {
      const id = between(body, 'for request:', '. API Key');
      if (id) fields.requestId = id;
      fields.apiKey = apiKeyValue(between(body, 'API Key:', 'API Stage'));
      setStage(fields, between(body, 'API Stage:', undefined));
      return;
    }
    case 'api-key-not-required':
      fields.apiKey = apiKeyValue(between(body, 'API Key', ' authorized'));
      setMethodResource(fields, body);
      return;
    case 'api-key-not-authorized':
      setMethodResource(fields, body);
      setStage(fields, between(body, 'API Stage ', undefined));
      return;
    case 'usage-plan-check-succeeded':
      fields.apiKey = apiKeyValue(between(body, 'API Key', ' and API Stage'));
      setStage(fields, between(body, 'and API Stage', undefined));
      return;
    case 'throttle-limit-exceeded':
      fields.apiId = between(body, 'RestApi ', ',');
      fields.stage = between(body, 'Stage ', ',');
      setThrottle(fields, body);
      return;
    case 'usage-plan-throttled':
    case 'usage-plan-quota-exceeded': {
      const word =
        kind === 'usage-plan-throttled'
          ? ' exceeded throttle'
          : ' exceeded quota';
      fields.apiKey = apiKeyValue(between(body, 'API Key', word));
      setStage(fields, between(body, 'for API Stage', undefined));
      const plan = between(body, 'Usage Plan ID ', undefined);
      if (plan) fields.usagePlanId = firstWord(plan).replace(/[.,]+$/, '');
      if (kind === 'usage-plan-throttled') {
        setThrottle(fields, body);
      } else {
        // AWS's own wrapped example splits "Quota" into "Q" / "Limit:".
        fields.quotaLimit = toInt(between(body, 'Limit: ', ' '));
        const period = between(body, 'Period: ', undefined);
        if (period) fields.quotaPeriod = firstWord(period);
      }
      return;
    }
    case 'method-request': {
      fields.httpMethod = between(body, 'HTTP Method:', ',');
      const path = between(body, 'Resource Path:', undefined);
      if (path !== undefined) fields.resourcePath = firstWord(path);
      return;
    }
    case 'method-request-path':
      fields.value = after(body, 'Method request path:');
      return;
    case 'method-request-query-string':
      fields.value = after(body, 'Method request query string:');
      return;
    case 'method-request-headers':
      fields.value = after(body, 'Method request headers:');
      return;
    case 'method-request-body':
      fields.value = after(body, 'Method request body before transformations:');
      return;
    case 'request-validation-succeeded': {
      const type = between(body, 'content type', undefined);
      if (type) fields.contentType = firstWord(type);
      return;
    }
    case 'request-validation-failed':
      fields.errorMessage = body.trim();
      return;
    case 'endpoint-request-uri':
      fields.uri = firstWord(after(body, 'Endpoint request URI:'));
      return;
    case 'endpoint-request-headers':
      fields.value = after(body, 'Endpoint request headers:');
      return;
    case 'endpoint-request-body':
      fields.value = after(
        body,
        'Endpoint request body after transformations:',
      );
      return;
    case 'endpoint-request-sent':
      fields.uri = firstWord(after(body, 'Sending request to'));
      return;
    case 'endpoint-response-received': {
      const status = between(body, 'Status:', ',');
      if (status !== undefined) fields.integrationStatus = toInt(status);
      fields.latencyMs = toInt(between(body, 'latency:', undefined));
      return;
    }
    case 'endpoint-response-headers':
      fields.value = after(body, 'Endpoint response headers:');
      return;
    case 'endpoint-response-body':
      fields.value = after(
        body,
        'Endpoint response body before transformations:',
      );
      return;
    case 'method-response-body':
      fields.value = after(body, 'Method response body after transformations:');
      return;
    case 'method-response-headers':
      fields.value = after(body, 'Method response headers:');
      return;
    case 'method-completed':
      fields.status = toInt(after(body, 'Method completed with status:'));
      return;
    case 'integration-request-id':
      fields.integrationRequestId = firstWord(
        after(body, 'AWS Integration Endpoint RequestId').replace(/^:\s*/, ''),
      );
      return;
    case 'xray-trace-id':
      fields.xrayTraceId = firstWord(
        after(body, 'X-ray Tracing ID').replace(/^:\s*/, ''),
      );
      return;
    case 'configuration-error':
      fields.errorMessage = after(
        body,
        'Execution failed due to configuration error',
      )
        .replace(/^:\s*/, '')
        .trim();
      return;
    case 'timeout-error':
    case 'execution-failed':
      fields.errorMessage = after(body, 'Execution failed due to').trim();
      return;
    case 'lambda-invocation-failed': {
      fields.integrationStatus = toInt(
        between(body, 'failed with status:', '.') ??
          between(body, 'failed with status:', undefined),
      );
      const id = between(body, 'Lambda request id:', undefined);
      if (id) fields.lambdaRequestId = firstWord(id);
      return;
    }
    case 'lambda-function-error': {
      fields.integrationStatus = toInt(
        between(body, 'failed with status ', ' '),
      );
      // The function's own message may contain ". ", so cut at the last
      // ". Lambda request id: ".
      const marker = '. Lambda request id:';
      const start = body.indexOf('customer function error:');
      const end = body.lastIndexOf(marker);
      if (start >= 0) {
        const from = start + 'customer function error:'.length;
        fields.errorMessage = body
          .slice(from, end > from ? end : undefined)
          .trim();
      }
      if (end >= 0)
        fields.lambdaRequestId = firstWord(
          body.slice(end + marker.length).trimStart(),
        );
      return;
    }
    default:
      return;
  }
}
