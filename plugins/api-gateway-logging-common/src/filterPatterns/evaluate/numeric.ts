/** A number as the filter syntax writes one (`400`, `-1.5`). */
export const NUMBER = /^-?\d+(?:\.\d+)?$/;

const ORDER: Record<string, (a: number, n: number) => boolean> = {
  '<': (a, n) => a < n,
  '<=': (a, n) => a <= n,
  '>': (a, n) => a > n,
  '>=': (a, n) => a >= n,
};

/** Whether `op` orders numbers (`<`, `<=`, `>`, `>=`). */
export function isOrderOperator(op: string): boolean {
  return op in ORDER;
}

/** The test `a OP n` for an ordering operator. */
export function orderTest(op: string, n: number): (a: number) => boolean {
  const compare = ORDER[op];
  return a => compare(a, n);
}
