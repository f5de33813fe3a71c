/**
 * CloudWatch Logs filter patterns: the ones the backend sends to select
 * failing requests and whole traces, derived from the parser's own failure
 * phrases, and an evaluator of the documented syntax to test them with.
 */

export type { FilterPatternMode } from './types';
export { MAX_FILTER_PATTERN_LENGTH } from './types';
export { failurePatterns } from './failurePatterns';
export { requestPatterns } from './requestPatterns';
export { accessLogFailurePattern } from './accessLogPattern';
export { matchesFilterPattern } from './evaluate/matchesFilterPattern';
export { FilterPatternSyntaxError } from './evaluate/syntaxError';
