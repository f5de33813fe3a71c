/**
 * `indexOf` with memory: callers ask with increasing `from`, so each search
 * resumes where the last one ended and a whole text costs one scan, however
 * many secrets it holds.
 */
export class NextIndex {
  private at = -1;
  constructor(private readonly text: string, private readonly needle: string) {}

  /** First index of the needle at or after `from`; Infinity when none. */
  from(from: number): number {
    if (this.at === Infinity) return Infinity;
    if (this.at < from) {
      const i = this.text.indexOf(this.needle, from);
      this.at = i < 0 ? Infinity : i;
    }
    return this.at;
  }
}

/**
 * The last index of a needle before a position, for positions asked in
 * increasing order: it walks forward with `indexOf`, so a whole text costs
 * one scan.
 */
export class LastIndex {
  private last = -1;
  // -2: not searched yet (most texts never ask).
  private next = -2;
  constructor(private readonly text: string, private readonly needle: string) {}

  /** Last index of the needle strictly before `pos`; -1 when none. */
  before(pos: number): number {
    if (this.next === -2) this.next = this.text.indexOf(this.needle);
    while (this.next >= 0 && this.next < pos) {
      this.last = this.next;
      this.next = this.text.indexOf(this.needle, this.next + 1);
    }
    return this.last;
  }
}
