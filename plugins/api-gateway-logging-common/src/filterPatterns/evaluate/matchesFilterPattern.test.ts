import { matchesFilterPattern } from './matchesFilterPattern';
import { FilterPatternSyntaxError } from './syntaxError';

/*
 * The examples of AWS's "Filter pattern syntax" pages (unstructured, JSON
 * and space-delimited events, regular expressions), and the syntax this
 * evaluator refuses rather than guesses.
 */

const CLF =
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 404 1534';
const JSON_EVENT = JSON.stringify({
  eventType: 'UpdateTrail',
  sourceIPAddress: '123.123.45.6',
  latency: 1500,
  status: '404',
  code: 404,
  error: null,
  flag: true,
  user: { id: 1, email: 'John.Doe@example.com' },
  users: [{ email: 'John.Doe@example.com' }, { email: 'Jane@example.com' }],
  message: 'Task timed out after 3.00 seconds',
});

describe('matchesFilterPattern', () => {
  it.each([
    // Unstructured: terms are case-sensitive substrings, all required.
    ['ERROR', '[ERROR 400] BAD REQUEST', true],
    ['ERROR', '[error 400] bad request', false],
    ['"ERROR 400"', '[ERROR 400] BAD REQUEST', true],
    ['"ERROR 400"', '[ERROR 401] UNAUTHORIZED REQUEST', false],
    ['ERROR Exception', 'ERROR: NullPointerException', true],
    ['ERROR Exception', 'ERROR: null pointer', false],
    ['?ERROR ?WARN', '[WARN] low disk', true],
    ['?ERROR ?WARN', '[INFO] started', false],
    ['ERROR -ARGUMENTS', '[ERROR] INVALID ARGUMENTS', false],
    ['ERROR -ARGUMENTS', '[ERROR] BAD REQUEST', true],
    ['', 'anything', true],
    ['""', 'anything', true],
    [
      '?"Method completed with status: 4"',
      'Method completed with status: 412',
      true,
    ],
    [
      '?"Method completed with status: 4"',
      'Method completed with status: 200',
      false,
    ],
    // Regular expressions.
    ['%AUTHORIZED%', '[ERROR 401] UNAUTHORIZED REQUEST', true],
    ['%AUTHORIZED%', '[SUCCESS 200] AUTHORIZED REQUEST', true],
    ['%^[hc]at%', 'hat trick', true],
    ['%^[hc]at%', 'that', false],
    ['%colou?r%', 'the color', true],
    ['%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%', 'from 10.0.0.1', true],
    ['?%[Ee]rror% ?WARN', 'an error', true],
    // JSON.
    ['{ $.eventType = "UpdateTrail" }', JSON_EVENT, true],
    ['{ $.eventType = "Update*" }', JSON_EVENT, true],
    ['{ $.eventType = UpdateTrail }', JSON_EVENT, true],
    ['{ $.eventType != "UpdateTrail" }', JSON_EVENT, false],
    ['{ $.sourceIPAddress != 123.123.* }', JSON_EVENT, false],
    ['{ $.sourceIPAddress != 10.0.* }', JSON_EVENT, true],
    ['{ $.latency > 1000 }', JSON_EVENT, true],
    ['{ $.latency <= 1000 }', JSON_EVENT, false],
    ['{ $.code >= 400 }', JSON_EVENT, true],
    ['{ ($.status = "4*") || ($.status = "5*") }', JSON_EVENT, true],
    ['{ ($.status = "2*") || ($.status = "3*") }', JSON_EVENT, false],
    [
      '{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }',
      JSON_EVENT,
      true,
    ],
    [
      '{ ($.user.id = 2) && ($.users[0].email = "John.Doe@example.com") }',
      JSON_EVENT,
      false,
    ],
    ['{ $.users[1].email = "Jane*" }', JSON_EVENT, true],
    ['{ $.error IS NULL }', JSON_EVENT, true],
    ['{ $.user IS NULL }', JSON_EVENT, false],
    ['{ $.missing NOT EXISTS }', JSON_EVENT, true],
    ['{ $.user.id NOT EXISTS }', JSON_EVENT, false],
    ['{ $.flag IS TRUE }', JSON_EVENT, true],
    ['{ $.flag IS FALSE }', JSON_EVENT, false],
    ['{ $.message = %timed.out% }', JSON_EVENT, true],
    [
      '{ ($.latency > 1000 && $.flag IS TRUE) || $.missing = "x" }',
      JSON_EVENT,
      true,
    ],
    ['{ $.eventType = "UpdateTrail" }', 'not JSON', false],
    ['{ $.eventType = "UpdateTrail" }', '[1,2]', false],
    // Strict where the documentation is silent: no type coercion.
    ['{ $.status >= 400 }', JSON_EVENT, false],
    ['{ $.code = "4*" }', JSON_EVENT, false],
    ['{ $.missing != "x" }', JSON_EVENT, false],
    // Space-delimited.
    [
      '[ip, user, username, timestamp, request, status_code = 4*, bytes]',
      CLF,
      true,
    ],
    [
      '[ip, user, username, timestamp, request, status_code = 5*, bytes]',
      CLF,
      false,
    ],
    [
      '[ip, user, username, timestamp, request = *gif*, status_code, bytes]',
      CLF,
      true,
    ],
    [
      '[ip, user, username, timestamp, request, status_code != 404, bytes]',
      CLF,
      false,
    ],
    ['[..., status_code = 404, bytes]', CLF, true],
    ['[ip, ..., status_code >= 400, bytes]', CLF, true],
    ['[ip, user, ..., bytes < 1000]', CLF, false],
    ['[a, b, c, d, e, status = 4* || status = 5*, g]', CLF, true],
    ['[a, b, c, d, e, status = 2* || status = 3*, g]', CLF, false],
    ['[a, b, c, d, e, f]', CLF, false],
    ['[w1 = ERROR, w2]', 'ERROR disk', true],
    ['[w1 = ERROR, w2]', 'WARN disk', false],
  ])('%s on %s: %s', (pattern, message, expected) => {
    expect(matchesFilterPattern(pattern, message)).toBe(expected);
  });

  it.each([
    ['?ERROR WARN', '? terms mixed with others'],
    ['"unclosed', 'an unclosed quote'],
    ['"a"b', 'text after a quote'],
    ['ERROR:', 'an unquoted non-alphanumeric term'],
    ['"a\\"b"', 'a backslash in quotes'],
    ['%a(b)%', 'a regex group'],
    ['%a!%', 'a character regexes may not hold'],
    ['%a% %b% %c%', 'three regexes'],
    ['%a[%', 'an invalid regex'],
    ['{ $.a = }', 'a missing value'],
    ['{ $.a ~ 1 }', 'an unknown operator'],
    ['{ a = 1 }', 'no selector'],
    ['{ $.a > "x" }', 'a string order'],
    ['{ $.a IS MAYBE }', 'an unknown keyword'],
    ['{ ($.a = 1 }', 'an unclosed parenthesis'],
    ['{ $.a[*] = 1 }', 'a wildcard selector'],
    ['{ $.a = 1', 'a missing brace'],
    ['[a, b = (1)]', 'parentheses in a field'],
    ['[a, b, c = 1 || d = 2]', 'a condition on another field'],
    ['[a, b', 'a missing bracket'],
    [`?"${'x'.repeat(1030)}"`, 'more than 1,024 characters'],
  ])('refuses %s (%s)', pattern => {
    expect(() => matchesFilterPattern(pattern, 'x')).toThrow(
      FilterPatternSyntaxError,
    );
  });
});
