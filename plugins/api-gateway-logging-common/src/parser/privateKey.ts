import { NextIndex } from './nextIndex';

/*
 * PEM private key blocks (`-----BEGIN RSA PRIVATE KEY----- ... -----END RSA
 * PRIVATE KEY-----`), wherever they appear: plain text with newlines, JSON
 * strings with `\n` escapes, JSON inside JSON (`\\n`). The BEGIN and END
 * labels stay, so a reader still sees that a key was there; the body between
 * them becomes the marker.
 *
 * A block without its END line was cut (API Gateway's 1,024-byte
 * `[TRUNCATED]`, the parser's own cap, or the end of the event). Its body
 * then runs to the truncation mark, to the end of the JSON string it sits in,
 * or to the end of the text, whichever comes first: more is redacted rather
 * than a part of the key left visible.
 *
 * The redactor's keyed pass finds the `PRIVATE KEY-----` of a label in the
 * scan it makes anyway, so texts without a key cost nothing more.
 */

/** What ends a BEGIN label; the keyed pass looks for it. */
export const PRIVATE_KEY_LABEL_END = 'private key-----';

const BEGIN = '-----BEGIN ';
const KEY_TYPES = ['', 'RSA ', 'EC ', 'DSA ', 'OPENSSH ', 'ENCRYPTED '];

/**
 * When the `PRIVATE KEY-----` found at `at` closes a BEGIN label, the index
 * where the block's body starts; -1 otherwise (an END label, prose).
 */
export function privateKeyBodyStart(text: string, at: number): number {
  if (!text.startsWith('PRIVATE KEY-----', at)) return -1;
  for (const type of KEY_TYPES) {
    const labelStart = at - type.length - BEGIN.length;
    if (
      labelStart >= 0 &&
      text.startsWith(BEGIN, labelStart) &&
      text.startsWith(type, labelStart + BEGIN.length)
    )
      return at + 16;
  }
  return -1;
}

/** Finds where block bodies end, resuming its searches from block to block. */
export class PrivateKeyBodies {
  private readonly ends: NextIndex;
  private readonly begins: NextIndex;
  private readonly quotes: NextIndex;
  private readonly truncated: NextIndex;

  constructor(private readonly text: string) {
    this.ends = new NextIndex(text, '-----END ');
    this.begins = new NextIndex(text, BEGIN);
    this.quotes = new NextIndex(text, '"');
    this.truncated = new NextIndex(text, '[TRUNCATED]');
  }

  /** End of the body that starts at `from`: its END label, or where it was cut. */
  end(from: number): number {
    const end = this.ends.from(from);
    if (end < this.text.length && end < this.begins.from(from)) return end;
    return this.cutEnd(from);
  }

  private cutEnd(from: number): number {
    const text = this.text;
    let end = Math.min(text.length, this.truncated.from(from));
    if (end < text.length && end > from && text.charCodeAt(end - 1) === 32)
      end--;
    const quote = this.quotes.from(from);
    if (quote < end) {
      // Keep the backslashes of `\"` so the JSON around stays JSON.
      end = quote;
      while (end > from && text.charCodeAt(end - 1) === 92) end--;
    }
    return end;
  }
}
