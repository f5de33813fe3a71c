/*
 * Reads a line back through its format's literals: the line must start with
 * the first literal and end with the last; each capture runs to the first
 * occurrence of the literal that follows it. One pass of `indexOf` calls,
 * no regular expression, so no backtracking whatever the line holds.
 *
 * A value that may hold the literal after it (`$context.routeKey` is
 * `GET /pets`, followed by a space in AWS's CLF example) is "loose": the
 * captures before it are read from the left, those after it from the right
 * (`lastIndexOf`), and it gets what lies between. With more than one loose
 * capture the line is read from the left only, which may cut a loose value
 * short; such a line then usually fails to end with the last literal and is
 * not read at all rather than read wrong.
 */

type Span = [number, number];

function fromLeft(
  line: string,
  literals: readonly string[],
  from: number,
  to: number,
  limit: number,
  spans: Span[],
): number | undefined {
  let pos = from;
  for (let i = 0; i < to; i++) {
    const end = line.indexOf(literals[i + 1], pos);
    if (end < 0 || end > limit) return undefined;
    spans[i] = [pos, end];
    pos = end + literals[i + 1].length;
  }
  return pos;
}

/** `[start, end)` of each capture in `line`, or undefined when it does not fit. */
export function matchLiterals(
  line: string,
  literals: readonly string[],
  loose: readonly boolean[],
): Span[] | undefined {
  const captures = literals.length - 1;
  const last = literals[captures];
  const limit = line.length - last.length;
  if (!line.startsWith(literals[0])) return undefined;
  if (limit < literals[0].length || !line.endsWith(last)) return undefined;
  const spans: Span[] = new Array(captures);
  const looseAt = loose.indexOf(true);
  const single = looseAt >= 0 && loose.indexOf(true, looseAt + 1) < 0;
  if (!single) {
    const pos = fromLeft(
      line,
      literals,
      literals[0].length,
      captures - 1,
      limit,
      spans,
    );
    if (pos === undefined || pos > limit) return undefined;
    spans[captures - 1] = [pos, limit];
    return spans;
  }
  const left = fromLeft(
    line,
    literals,
    literals[0].length,
    looseAt,
    limit,
    spans,
  );
  if (left === undefined) return undefined;
  let end = limit;
  for (let i = captures - 1; i > looseAt; i--) {
    const literal = literals[i];
    const at = line.lastIndexOf(literal, end - literal.length);
    if (at < left) return undefined;
    spans[i] = [at + literal.length, end];
    end = at;
  }
  if (end < left) return undefined;
  spans[looseAt] = [left, end];
  return spans;
}
