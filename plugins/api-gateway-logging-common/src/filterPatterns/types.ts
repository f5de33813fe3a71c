/**
 * How filter patterns are written:
 * - `any-term`: OR patterns (`?"a" ?"b"`, CloudWatch's documented syntax,
 *   what the AWS CDK's `FilterPattern.anyTerm` emits): the fewest calls.
 * - `exact-phrase`: one quoted phrase per pattern, for AWS-compatible
 *   emulators (moto) that honour only a single exact phrase and return
 *   every event for anything else.
 *
 * @public
 */
export type FilterPatternMode = 'any-term' | 'exact-phrase';

/** CloudWatch Logs' limit on a filter pattern's length. @public */
export const MAX_FILTER_PATTERN_LENGTH = 1024;
