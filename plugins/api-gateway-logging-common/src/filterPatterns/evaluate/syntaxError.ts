/**
 * A filter pattern the evaluator does not know how CloudWatch Logs would
 * run: thrown rather than guessed.
 *
 * @public
 */
export class FilterPatternSyntaxError extends Error {
  constructor(message: string, readonly pattern: string) {
    super(
      `${message} in filter pattern ${JSON.stringify(pattern.slice(0, 200))}`,
    );
    this.name = 'FilterPatternSyntaxError';
  }
}
