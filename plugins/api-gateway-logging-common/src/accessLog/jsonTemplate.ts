/*
 * The key paths of a JSON access-log format. The format is not JSON itself
 * (`"status": $context.status` is a bare variable, and real formats are
 * sometimes malformed: `"stage:$context.stage"` with no key), so it is read
 * with a small tolerant scanner: no recursion, no exceptions, one pass.
 */

/** Where a value sits in the format, and the keys leading to it. */
export interface JsonValueRegion {
  path: string[];
  /** Offsets of the value in the format: a string's content, or a bare token. */
  start: number;
  end: number;
  quoted: boolean;
}

type Token =
  | { kind: 'punct'; char: string; start: number }
  | { kind: 'string'; text: string; start: number; end: number }
  | { kind: 'bare'; text: string; start: number; end: number };

function isPunct(c: string): boolean {
  return (
    c === '{' || c === '}' || c === '[' || c === ']' || c === ':' || c === ','
  );
}

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isPunct(c)) {
      tokens.push({ kind: 'punct', char: c, start: i });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < format.length && format[j] !== '"')
        j += format[j] === '\\' ? 2 : 1;
      const end = Math.min(j, format.length);
      tokens.push({
        kind: 'string',
        text: format.slice(i + 1, end),
        start: i + 1,
        end,
      });
      i = end + 1;
    } else {
      let j = i;
      while (
        j < format.length &&
        !isPunct(format[j]) &&
        !/[\s"]/.test(format[j])
      )
        j++;
      tokens.push({ kind: 'bare', text: format.slice(i, j), start: i, end: j });
      i = j;
    }
  }
  return tokens;
}

interface Frame {
  array: boolean;
  key?: string;
  index: number;
}

/**
 * Every value region of the JSON format with its key path. A string where
 * a key should be and no `:` after it (a malformed entry) is a region with
 * an empty path: its field is named from its own text.
 */
export function jsonValueRegions(format: string): JsonValueRegion[] {
  const tokens = tokenize(format);
  const regions: JsonValueRegion[] = [];
  const stack: Frame[] = [];
  const path = () => stack.map(f => (f.array ? String(f.index) : f.key ?? ''));
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const top = stack[stack.length - 1];
    if (token.kind === 'punct') {
      if (token.char === '{' || token.char === '[') {
        stack.push({ array: token.char === '[', index: 0 });
      } else if (token.char === '}' || token.char === ']') {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent && !parent.array) parent.key = undefined;
      } else if (token.char === ',' && top) {
        if (top.array) top.index++;
        else top.key = undefined;
      }
      continue;
    }
    if (!top) continue;
    const next = tokens[t + 1];
    if (!top.array && top.key === undefined) {
      if (
        token.kind === 'string' &&
        next?.kind === 'punct' &&
        next.char === ':'
      ) {
        top.key = token.text;
        t++; // the colon
        continue;
      }
      // A key with no value: the malformed `"stage:$context.stage"` entry.
      regions.push({
        path: [],
        start: token.start,
        end: token.end,
        quoted: token.kind === 'string',
      });
      continue;
    }
    regions.push({
      path: path(),
      start: token.start,
      end: token.end,
      quoted: token.kind === 'string',
    });
  }
  return regions;
}
