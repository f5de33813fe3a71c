/** One field of a space-delimited line. */
export interface DelimitedField {
  text: string;
  /** Written in `"..."` or `[...]` (the delimiters are not in `text`). */
  grouped: boolean;
}

/**
 * A line split the way CloudWatch splits space-delimited events: at spaces,
 * text in double quotes or square brackets being one field. `clean` is
 * false when a group is not closed, a group runs into the next field, or a
 * bare field holds a quote or bracket: the split of such a line is a guess.
 */
export function splitDelimited(line: string): {
  fields: DelimitedField[];
  clean: boolean;
} {
  const fields: DelimitedField[] = [];
  let clean = true;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '"' || c === '[') {
      const close = line.indexOf(c === '"' ? '"' : ']', i + 1);
      const end = close < 0 ? line.length : close;
      fields.push({ text: line.slice(i + 1, end), grouped: true });
      i = end + 1;
      if (close < 0 || (i < line.length && line[i] !== ' ')) clean = false;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] !== ' ') j++;
    const text = line.slice(i, j);
    if (/["[\]]/.test(text)) clean = false;
    fields.push({ text, grouped: false });
    i = j;
  }
  return { fields, clean };
}
