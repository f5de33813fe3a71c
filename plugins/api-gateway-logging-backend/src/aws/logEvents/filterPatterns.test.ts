import {
  accessLogFailurePattern,
  failurePatterns,
  requestPatterns,
} from './filterPatterns';

describe('failurePatterns', () => {
  it('writes one OR pattern within CloudWatch length limits', () => {
    const [pattern, ...rest] = failurePatterns('any-term');
    expect(rest).toEqual([]);
    expect(pattern.length).toBeLessThanOrEqual(1024);
    expect(pattern).toContain('?"status: 429"');
    expect(pattern).toContain('?"Execution failed"');
    expect(pattern).not.toContain('status: 200');
  });

  it('writes single exact phrases for emulators', () => {
    const patterns = failurePatterns('exact-phrase');
    expect(patterns).toContain('"Method completed with status: 5"');
    patterns.forEach(p => expect(p).toMatch(/^"[^"]+"$/));
  });

  it('covers a line of every failing template', () => {
    const lines = [
      'Method completed with status: 429',
      'Execution failed due to a timeout error',
      'API Key ****FGQes7 exceeded throttle limit for API Stage a/b: Key throttle limit exceeded for Usage Plan ID u',
      'API Key ****FGQes7 exceeded quota limit for API Stage a/b: Key quota exhausted for Usage Plan ID u. Quota Limit: 5 Period: DAY',
      'Unauthorized request: 3323ffe5-6ddf-45c8-896a-b45ec2284cc0',
      "API Key not authorized because method 'GET /' requires API Key",
    ];
    for (const mode of ['any-term', 'exact-phrase'] as const) {
      const phrases = failurePatterns(mode)
        .join(' ')
        .match(/"[^"]+"/g)!
        .map(p => p.slice(1, -1));
      for (const line of lines) {
        expect(phrases.some(p => line.includes(p))).toBe(true);
      }
    }
  });
});

describe('requestPatterns', () => {
  const ids = Array.from(
    { length: 60 },
    (_, i) => `3323ffe5-6ddf-45c8-896a-${String(i).padStart(12, '0')}`,
  );

  it('batches ids into OR patterns under 1024 characters', () => {
    const patterns = requestPatterns(ids, 'any-term');
    expect(patterns.length).toBeGreaterThan(1);
    expect(patterns.length).toBeLessThan(ids.length);
    patterns.forEach(p => expect(p.length).toBeLessThanOrEqual(1024));
    expect(patterns.join(' ').match(/\?"/g)).toHaveLength(60);
  });

  it('writes one phrase per id for emulators', () => {
    expect(requestPatterns(ids.slice(0, 2), 'exact-phrase')).toEqual([
      `"${ids[0]}"`,
      `"${ids[1]}"`,
    ]);
  });
});

describe('accessLogFailurePattern', () => {
  it.each([
    [
      '{"requestId":"$context.requestId","status":"$context.status"}',
      '{ ($.status = "4*") || ($.status = "5*") }',
    ],
    [
      '{"requestId":"$context.requestId","code":$context.status}',
      '{ $.code >= 400 }',
    ],
    ['$context.identity.sourceIp $context.status', undefined],
    [undefined, undefined],
  ])('%s gives %s', (format, pattern) => {
    expect(accessLogFailurePattern(format, 'any-term')).toBe(pattern);
  });

  it('writes no JSON pattern for emulators', () => {
    expect(
      accessLogFailurePattern('{"status":"$context.status"}', 'exact-phrase'),
    ).toBeUndefined();
  });
});
