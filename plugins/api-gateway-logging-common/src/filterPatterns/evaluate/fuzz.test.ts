import { prng } from '../../parser/__testUtils__/fixtures';
import { matchesFilterPattern } from './matchesFilterPattern';
import { FilterPatternSyntaxError } from './syntaxError';

/*
 * Random patterns assembled from the syntax's own pieces: each either
 * answers a boolean or is refused with FilterPatternSyntaxError, never any
 * other error, and quickly.
 */

const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '$.a',
  '$.b[0]',
  '$.',
  '=',
  '!=',
  '>=',
  '<',
  '&&',
  '||',
  '"x*"',
  '"4*"',
  '400',
  '-1.5',
  '%a.c%',
  '%(%',
  'IS',
  'NULL',
  'NOT',
  'EXISTS',
  'TRUE',
  '?',
  '-',
  '?"a b"',
  'ERROR',
  '...',
  ',',
  'f1',
  'status = 4*',
  '"',
  '\\',
  ' ',
  '%',
  '*',
];
const MESSAGES = [
  '{"a":"xyz","b":[401],"c":null}',
  '{"a":5}',
  '1.2.3.4 - - [10/Oct/2000:13:25:15 -0700] "GET / HTTP/1.0" 404 12',
  'ERROR a b',
  '',
  '[1,2]',
  '{"a":',
];

describe('matchesFilterPattern fuzz (seeded)', () => {
  it('answers or refuses, nothing else', () => {
    const random = prng(7);
    const other: string[] = [];
    let answered = 0;
    const started = Date.now();
    for (let n = 0; n < 5000; n++) {
      const count = 1 + Math.floor(random() * 8);
      let pattern = '';
      for (let i = 0; i < count; i++)
        pattern += `${PIECES[Math.floor(random() * PIECES.length)]} `;
      const message = MESSAGES[Math.floor(random() * MESSAGES.length)];
      try {
        const answer = matchesFilterPattern(pattern, message);
        if (typeof answer === 'boolean') answered++;
        else other.push(`${pattern} -> ${String(answer)}`);
      } catch (error) {
        if (!(error instanceof FilterPatternSyntaxError))
          other.push(`${pattern} -> ${String(error)}`);
      }
    }
    expect(other).toEqual([]);
    expect(answered).toBeGreaterThan(200);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
