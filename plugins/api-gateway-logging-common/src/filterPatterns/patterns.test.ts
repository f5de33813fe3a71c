import { compileAccessLogFormat } from '../accessLog';
import { fixtureFormats } from '../accessLog/__testUtils__/formats';
import { FAILURE_MESSAGE_PHRASES } from '../parser';
import { accessLogFailurePattern } from './accessLogPattern';
import { failurePatterns, failurePhrases } from './failurePatterns';
import { requestPatterns } from './requestPatterns';
import { MAX_FILTER_PATTERN_LENGTH } from './types';

const UUID = '4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998';

describe('failurePatterns', () => {
  it('derives both modes from the parser phrases, every phrase covered', () => {
    const phrases = failurePhrases();
    for (const phrase of FAILURE_MESSAGE_PHRASES)
      expect(phrases.some(p => phrase.includes(p))).toBe(true);
    expect(failurePatterns('exact-phrase')).toEqual(phrases.map(p => `"${p}"`));
    const anyTerm = failurePatterns('any-term');
    expect(anyTerm.join(' ')).toBe(phrases.map(p => `?"${p}"`).join(' '));
    for (const pattern of anyTerm)
      expect(pattern.length).toBeLessThanOrEqual(MAX_FILTER_PATTERN_LENGTH);
  });

  it('has the phrases the old exact-phrase list missed', () => {
    const exact = failurePatterns('exact-phrase');
    for (const phrase of [
      'Lambda execution failed',
      'Lambda invocation failed',
      'AuthorizerConfigurationException',
      'Usage Plan check failed',
      'Key quota exhausted',
      'Authorizer error',
      'Request body does not match model schema',
    ])
      expect(exact).toContain(`"${phrase}"`);
  });
});

describe('requestPatterns', () => {
  it('batches ids into OR patterns within the length limit', () => {
    const ids = Array.from(
      { length: 100 },
      (_, i) => `${String(i).padStart(8, '0')}-39db-11e9-9c2e-5bd7c2de5998`,
    );
    const patterns = requestPatterns(ids, 'any-term');
    expect(patterns.length).toBeGreaterThan(1);
    for (const p of patterns) expect(p.length).toBeLessThanOrEqual(1024);
    expect(patterns.join(' ')).toBe(ids.map(id => `?"${id}"`).join(' '));
    expect(requestPatterns(ids, 'exact-phrase')).toEqual(
      ids.map(id => `"${id}"`),
    );
  });

  it('normalizes UUIDs to lower case, keeps extended ids, drops repeats', () => {
    expect(
      requestPatterns(
        [UUID.toUpperCase(), UUID, 'Vts2FFmArPEFh8g='],
        'any-term',
      ),
    ).toEqual([`?"${UUID}" ?"Vts2FFmArPEFh8g="`]);
  });

  it.each([
    ['a quote', `${UUID}" ?"x`],
    ['a wildcard', '*'],
    ['empty', ''],
    ['a phrase', 'Method completed'],
    ['a pattern', '{ $.a = 1 }'],
    ['not a string', 42],
  ])('refuses %s', (_label, id) => {
    expect(() => requestPatterns([UUID, id as string], 'any-term')).toThrow(
      TypeError,
    );
  });
});

describe('accessLogFailurePattern', () => {
  const formats = fixtureFormats();
  const of = (label: string) =>
    compileAccessLogFormat(formats.find(f => f.label.includes(label))!.format);

  it.each([
    [
      'rest-access-log-formats.txt CLF',
      '[f1, f2, f3, f4, f5, status = 4* || status = 5*, f7, f8, f9]',
    ],
    [
      'rest-access-log-formats.txt CloudFormation',
      '[f1, f2, f3, f4, f5, f6, status = 4* || status = 5*, f8, f9]',
    ],
    [
      'http-api-access-log-formats.txt CLF',
      '[f1, f2, f3, f4, f5, status = 4* || status = 5*, f7, f8]',
    ],
    [
      'rest-access-log-formats.txt JSON',
      '{ ($.status = "4*") || ($.status = "5*") }',
    ],
    ['azul-terraform', '{ ($.status = "4*") || ($.status = "5*") }'],
    ['rest-access-log-formats.txt XML', '?"<status>4" ?"<status>5"'],
    // CSV has no names; azul's older format wraps the already quoted
    // messageString in quotes (failing lines are not JSON); the course
    // format is malformed JSON: no pattern, read everything.
    ['rest-access-log-formats.txt CSV', undefined],
    ['azul-attic', undefined],
    ['uopsdod', undefined],
  ])('%s: %s', (label, expected) => {
    expect(accessLogFailurePattern(of(label), 'any-term')).toBe(expected);
    expect(accessLogFailurePattern(of(label), 'exact-phrase')).toBeUndefined();
  });

  it.each([
    [
      '{"requestId":"$context.requestId","status":$context.status}',
      '{ $.status >= 400 }',
    ],
    [
      '{"r":{"st":"$context.status"}}',
      '{ ($.r.st = "4*") || ($.r.st = "5*") }',
    ],
    ['{"odd key":"$context.status"}', undefined],
    ['{"requestId":"$context.requestId"}', undefined],
    ['id=$context.requestId status=$context.status', '?"status=4" ?"status=5"'],
    ['$context.requestId $context.status', '[f1, status = 4* || status = 5*]'],
    // A bare value with a blank before the status shifts the fields.
    ['$context.routeKey $context.status', undefined],
    ['"$context.identity.userAgent" $context.status', undefined],
    [
      '$context.status "$context.identity.userAgent"',
      '[status = 4* || status = 5*, ...]',
    ],
  ])('%s: %s', (format, expected) => {
    expect(
      accessLogFailurePattern(compileAccessLogFormat(format), 'any-term'),
    ).toBe(expected);
  });
});
