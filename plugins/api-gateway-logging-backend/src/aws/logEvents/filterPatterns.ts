/*
 * CloudWatch Logs filter patterns that select failing requests on the server
 * side, so a failures query reads a few events instead of the whole window.
 *
 * Every term is a constant of this file or a request id that passed the
 * parser's strict `isValidRequestId`: nothing a caller sends is
 * interpolated unchecked.
 */

import { FilterPatternMode } from '../../config/readConfig';

/** Statuses of failing requests API Gateway returns. */
const FAILURE_STATUSES = [
  400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 422, 429, 500,
  501, 502, 503, 504,
];

/**
 * Phrases of error lines that can stand without a completion line (a
 * request whose `Method completed with status` event is missing).
 */
const ERROR_PHRASES = [
  'Execution failed',
  'exceeded throttle limit',
  'Key throttle limit exceeded',
  'exceeded quota limit',
  'Unauthorized request',
  'API Key not authorized',
  'Lambda execution failed',
  'Lambda invocation failed',
  'AuthorizerConfigurationException',
  'Usage Plan check failed',
];

/** Fewer, broader phrases for `exact-phrase` mode: each one is a call. */
const EXACT_PHRASES = [
  'Method completed with status: 4',
  'Method completed with status: 5',
  'Execution failed',
  'exceeded',
  'Unauthorized request',
  'API Key not authorized',
];

/** CloudWatch's limit on a filter pattern's length. */
const MAX_PATTERN_LENGTH = 1024;

/** The patterns that select the events of failing requests. */
export function failurePatterns(mode: FilterPatternMode): string[] {
  if (mode === 'exact-phrase') return EXACT_PHRASES.map(p => `"${p}"`);
  return [
    [
      ...FAILURE_STATUSES.map(s => `?"status: ${s}"`),
      ...ERROR_PHRASES.map(p => `?"${p}"`),
    ].join(' '),
  ];
}

/**
 * The patterns that select every event of the given requests: ids are
 * batched into as few OR patterns as fit CloudWatch's length limit.
 * Callers pass only ids validated by `isValidRequestId`.
 */
export function requestPatterns(
  requestIds: readonly string[],
  mode: FilterPatternMode,
): string[] {
  if (mode === 'exact-phrase') return requestIds.map(id => `"${id}"`);
  const patterns: string[] = [];
  let current = '';
  for (const id of requestIds) {
    const term = `?"${id}"`;
    if (current && current.length + 1 + term.length > MAX_PATTERN_LENGTH) {
      patterns.push(current);
      current = '';
    }
    current = current ? `${current} ${term}` : term;
  }
  if (current) patterns.push(current);
  return patterns;
}

/**
 * A JSON filter pattern selecting failing access-log records, when the
 * stage's format names the status field; undefined otherwise (or in
 * `exact-phrase` mode, where JSON patterns are not honoured).
 */
export function accessLogFailurePattern(
  format: string | undefined,
  mode: FilterPatternMode,
): string | undefined {
  if (mode === 'exact-phrase' || !format) return undefined;
  const match = /"([A-Za-z0-9_]{1,64})"\s*:\s*("?)\$context\.status\b/.exec(
    format,
  );
  if (!match) return undefined;
  const [, field, quoted] = match;
  return quoted
    ? `{ ($.${field} = "4*") || ($.${field} = "5*") }`
    : `{ $.${field} >= 400 }`;
}
