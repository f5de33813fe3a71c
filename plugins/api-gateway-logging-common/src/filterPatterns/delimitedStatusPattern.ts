import { type DelimitedField, splitDelimited } from './delimitedFields';

/*
 * A space-delimited filter pattern for a CLF-like format: CloudWatch splits
 * an event at spaces, text in `"..."` or `[...]` being one field, and the
 * pattern names each field in order (`[f1, f2, status = 4* || status = 5*,
 * ...]`). That is only right when every field up to the status is one field
 * in every line: a bare value that can hold a space (`$context.routeKey`,
 * the request time) or a free-text value anywhere before the status (a
 * User-Agent could hold `"` or `]` and shift the fields) make it undefined.
 */

const VARIABLE = /\$context(?:\.[A-Za-z0-9_]+)+/g;

/** Values that never hold a blank (ids, numbers, methods, paths, addresses). */
const ONE_WORD = new Set(
  [
    'accountId',
    'apiId',
    'awsEndpointRequestId',
    'domainName',
    'domainPrefix',
    'error.responseType',
    'extendedRequestId',
    'httpMethod',
    'identity.accountId',
    'identity.apiKeyId',
    'identity.caller',
    'identity.sourceIp',
    'identity.user',
    'identity.userArn',
    'integration.integrationStatus',
    'integration.latency',
    'integration.status',
    'integrationLatency',
    'integrationStatus',
    'path',
    'protocol',
    'requestId',
    'requestTimeEpoch',
    'resourcePath',
    'responseLatency',
    'responseLength',
    'stage',
    'status',
    'xrayTraceId',
  ].map(v => `$context.${v}`),
);

/** Values that may hold a space but not the `"` or `]` closing their group. */
const IN_GROUP = new Set(['$context.requestTime', '$context.routeKey']);

function safe(field: DelimitedField): boolean {
  const variables = field.text.match(VARIABLE) ?? [];
  return variables.every(
    v => ONE_WORD.has(v) || (field.grouped && IN_GROUP.has(v)),
  );
}

/**
 * `[f1, ..., status = 4* || status = 5*, ...]` for a CLF-like `format`, or
 * undefined when its fields cannot be counted safely.
 */
export function delimitedStatusPattern(format: string): string | undefined {
  const { fields, clean } = splitDelimited(format);
  if (!clean) return undefined;
  const at = fields.findIndex(f => !f.grouped && f.text === '$context.status');
  if (
    at < 0 ||
    fields.findIndex(
      (f, n) => n !== at && f.text.includes('$context.status'),
    ) >= 0
  )
    return undefined;
  if (!fields.slice(0, at).every(safe)) return undefined;
  const names = fields.slice(0, at).map((_, n) => `f${n + 1}`);
  names.push('status = 4* || status = 5*');
  const after = fields.slice(at + 1);
  if (after.every(safe)) after.forEach((_, n) => names.push(`f${at + n + 2}`));
  else names.push('...');
  return `[${names.join(', ')}]`;
}
