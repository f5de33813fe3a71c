// Characters a POSIX shell leaves alone; anything else (`*`, `$`, `{`,
// spaces, quotes) is single-quoted so a pasted command does what it says.
const SAFE = /^[A-Za-z0-9_\-.,=/:@+%]+$/;

/** Quotes one argument for a POSIX shell. */
export function shellQuote(value: string): string {
  if (value !== '' && SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Joins a command and its arguments into one pasteable line. */
export function command(...args: string[]): string {
  return args.map(shellQuote).join(' ');
}
