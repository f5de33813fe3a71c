/**
 * API Gateway masks keys and tokens with a run of asterisks before the last
 * characters (`****************************abc123`): show the run short.
 */
export function shortenMasks(text: string): string {
  return text.replace(/\*{4,}/g, '••••');
}

/**
 * Splits a text after the characters where an identifier may wrap (`/`, `:`,
 * `,`, `-`, `_`, `.`, `=`, `&`, `?`), for `<wbr>` break points: ARNs, log
 * group names and request ids then wrap between their parts, never inside one.
 */
export function breakPoints(text: string): string[] {
  return text.split(/(?<=[/:,\-_.=&?])/);
}

/** `1 stage`, `2 stages`; `irregular` for other plurals. */
export function plural(
  count: number,
  singular: string,
  irregular: string = `${singular}s`,
): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : irregular}`;
}

/**
 * An AWS CLI command laid out one option per line with `\` continuations
 * (quotes respected), as it is read in documentation; it still runs pasted
 * into a POSIX shell.
 */
export function formatCliCommand(command: string): string {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === ' ' && command.startsWith('--', i + 1)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p, i) => (i === 0 ? p : `  ${p}`)).join(' \\\n');
}

/**
 * A JSON example at the end of a sentence (`...; for example {"a":1}`), cut
 * off and pretty-printed, so it can be shown as code rather than as one
 * unbreakable word.
 */
export function splitJsonExample(text: string): {
  prose: string;
  json?: string;
} {
  const start = text.search(/[{[]/);
  if (start < 0) return { prose: text };
  const candidate = text.slice(start).trim();
  try {
    const parsed = JSON.parse(candidate);
    return {
      prose: text
        .slice(0, start)
        .trim()
        .replace(/[;:,]?$/, ':'),
      json: JSON.stringify(parsed, null, 2),
    };
  } catch {
    return { prose: text };
  }
}

/** A string that holds a JSON object or array, pretty-printed; else undefined. */
export function prettyJson(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^[{[]/.test(trimmed)) return undefined;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return undefined;
  }
}
