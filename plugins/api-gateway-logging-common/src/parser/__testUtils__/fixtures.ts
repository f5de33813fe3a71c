import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

/** Test-only helpers that read the copied real traces. */

export const FIXTURE_DIR = join(__dirname, '../../__fixtures__/execution-logs');

/** Names of the trace fixtures (`*.log`). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter(name => name.endsWith('.log'))
    .sort();
}

/** A fixture file as copied, `# source:` / `# kind:` header included. */
export function readFixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

/** A fixture without its `# ` header lines: the log text as published. */
export function fixtureLog(name: string): string {
  const lines = readFixture(name).split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('# ')) i++;
  return lines.slice(i).join('\n');
}

/** Deterministic PRNG (mulberry32) so fuzz and shuffles are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4-shaped UUID from `random`. */
export function uuid(random: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(random() * 16).toString(16),
    ).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
