import {
  fixtureLog,
  fixtureNames,
  prng,
  readFixture,
} from './__testUtils__/fixtures';
import { assembleTraces, parseExecutionLog } from './parse';
import { REDACTED, mayHoldDefaultSecret, redactText } from './redact';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SESSION_KEY = 'ASIAY34FZKBOKMUTVV7A';
const API_KEY = 'k9Xq2LmN4pR7sT1vW3yZ5aBcD8eFgH0j';
const TOKEN =
  'FQoGZXIvYXdzEMv//////////wEaDOCC3x/cRTJgXzZ9RiK3A4dtFJBCwcZIQqNgF4s1';

/** Known secret values in `text`: JWTs, security tokens, access key ids. */
function secretsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /eyJ[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]+){0,2}/g,
  ))
    found.add(m[0]);
  for (const m of text.matchAll(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g))
    found.add(m[0]);
  for (const m of text.matchAll(
    /X-Amz-Security-Token(?:=|":\s*"|\\":\\")([^,"}\s\\]{8,})/gi,
  ))
    found.add(m[1]);
  // Also catch a partial leak: the first 20 characters of each secret.
  return [...found].flatMap(s => [s, s.slice(0, 20)]);
}

describe('redaction', () => {
  it.each(fixtureNames())(
    'leaks no secret of %s into any output field',
    name => {
      const input = readFixture(name);
      const secrets = secretsIn(input);
      const output = JSON.stringify(parseExecutionLog(fixtureLog(name)));
      for (const secret of secrets) expect(output).not.toContain(secret);
    },
  );

  it('finds the security tokens the fixtures hold (the check above bites)', () => {
    const all = fixtureNames().map(readFixture).join('\n');
    expect(secretsIn(all).length).toBeGreaterThanOrEqual(10);
    const raw = JSON.stringify(
      parseExecutionLog(fixtureLog('ericallam-lambda-timeout-502.log'), {
        redact: false,
      }),
    );
    expect(raw).toContain('X-Amz-Security-Token=FQoGZXIvYXdzEMv');
  });

  it('redacts secret headers in {K=V} maps without eating their neighbours', () => {
    const map = `{Accept=text/html,application/xhtml+xml, Authorization=Bearer ${JWT}, Date=Tue, 26 Feb 2019 15:29:33 GMT, Cookie=session=abc123; theme=dark, x-api-key=${API_KEY}, X-Amz-Security-Token=${TOKEN}, X-Amzn-Trace-Id=Root=1-5c75;Sampled=1, Host=h}`;
    const out = redactText(`Method request headers: ${map}`);
    expect(out).toBe(
      `Method request headers: {Accept=text/html,application/xhtml+xml, Authorization=${REDACTED}, Date=Tue, 26 Feb 2019 15:29:33 GMT, Cookie=${REDACTED}, x-api-key=${REDACTED}, X-Amz-Security-Token=${REDACTED}, X-Amzn-Trace-Id=Root=1-5c75;Sampled=1, Host=h}`,
    );
  });

  it('keeps a SigV4 Authorization value whole and a Set-Cookie list whole', () => {
    const out = redactText(
      `{Authorization=AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20190226/eu-west-2/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0a1b2c3d4e5f, Set-Cookie=a=1; Path=/, b=2; Path=/; HttpOnly, Host=h}`,
    );
    expect(out).toBe(
      `{Authorization=${REDACTED}, Set-Cookie=${REDACTED}, Host=h}`,
    );
  });

  it('leaves values API Gateway already masked as logged', () => {
    const line =
      'Endpoint request headers: {Authorization=*****************a1b2c3, x-api-key=**********************************bMZHBg}';
    expect(redactText(line)).toBe(line);
  });

  it('redacts JSON bodies: headers, multiValueHeaders, secret fields, escaped JSON', () => {
    const body = JSON.stringify({
      headers: {
        Authorization: `Bearer ${JWT}`,
        'X-Api-Key': API_KEY,
        Host: 'h',
      },
      multiValueHeaders: { Authorization: [`Bearer ${JWT}`], Cookie: ['a=b'] },
      body: JSON.stringify({ password: 'hunter2', user: 'bob' }),
      authorizationToken: 'opaque-token-value',
      client_secret: 's3cr3t-value',
      apiKey: API_KEY,
      refresh_token: 'rt-123456',
    });
    const out = redactText(
      `Endpoint request body after transformations: ${body}`,
    );
    for (const secret of [
      JWT,
      API_KEY,
      'hunter2',
      'opaque-token-value',
      's3cr3t-value',
      'rt-123456',
      'a=b',
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain('"Host":"h"');
    expect(out).toContain('\\"user\\":\\"bob\\"');
    // Still JSON: the markers replace string contents only.
    const parsed = JSON.parse(out.slice(out.indexOf('{')));
    expect(parsed.headers.Authorization).toBe(REDACTED);
    expect(parsed.multiValueHeaders.Authorization).toEqual([REDACTED]);
    expect(JSON.parse(parsed.body)).toEqual({
      password: REDACTED,
      user: 'bob',
    });
  });

  it('redacts JWTs, access keys and bearer tokens anywhere, also cut ones', () => {
    const out = redactText(
      `Incoming identity: ${JWT} key ${ACCESS_KEY} or ${SESSION_KEY}; Bearer abcdef0123456789 ${JWT.slice(
        0,
        40,
      )} [TRUNCATED]`,
    );
    expect(out).toBe(
      `Incoming identity: ${REDACTED} key ${REDACTED} or ${REDACTED}; Bearer ${REDACTED} ${REDACTED} [TRUNCATED]`,
    );
  });

  it('redacts secrets in query strings, URLs and plain text headers', () => {
    expect(
      redactText('Method request query string: {access_token=abc123, page=2}'),
    ).toBe(`Method request query string: {access_token=${REDACTED}, page=2}`);
    expect(
      redactText(
        'Sending request to https://x.example/p?X-Amz-Security-Token=abc%2Fdef&X-Amz-Signature=00ff&a=1',
      ),
    ).toBe(
      `Sending request to https://x.example/p?X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}&a=1`,
    );
    expect(redactText('authorization: Basic dXNlcjpwYXNz\nnext line')).toBe(
      `authorization: ${REDACTED}\nnext line`,
    );
  });

  it('redacts an unmasked API key in usage-plan lines', () => {
    expect(redactText(`API Key: ${API_KEY}`)).toBe(`API Key: ${REDACTED}`);
  });

  it('keeps API Gateway truncation marks visible', () => {
    expect(redactText(`{X-Amz-Security-Token=${TOKEN} [TRUNCATED]`)).toBe(
      `{X-Amz-Security-Token=${REDACTED} [TRUNCATED]`,
    );
  });

  it('leaves text without secrets untouched (and prose words alone)', () => {
    const line =
      "Execution failed due to configuration error: Invalid JSON in response: Unrecognized token 'null': was expecting a Missing Authentication Token";
    expect(redactText(line)).toBe(line);
    expect(
      redactText(
        'Access-Control-Allow-Headers=Content-Type,Authorization,X-Api-Key',
      ),
    ).toBe('Access-Control-Allow-Headers=Content-Type,Authorization,X-Api-Key');
  });

  it('applies the extra headers and patterns of the options', () => {
    const options = {
      extraSecretHeaders: ['X-Internal-Sig'],
      extraSecretPatterns: [/acct-\d{6}/],
    };
    expect(redactText('{X-Internal-Sig=abc, n=acct-123456}', options)).toBe(
      `{X-Internal-Sig=${REDACTED}, n=${REDACTED}}`,
    );
    const [trace] = assembleTraces(
      [
        {
          message:
            '(4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998) Method request headers: {X-Internal-Sig=abc, n=acct-123456}',
        },
      ],
      options,
    );
    expect(trace.events[0].value).toBe(
      `{X-Internal-Sig=${REDACTED}, n=${REDACTED}}`,
    );
  });

  it('redacts extracted fields too, and not when redact is false', () => {
    const line = `(4f3e3b0f-39db-11e9-9c2e-5bd7c2de5998) Incoming identity: ${JWT}`;
    const [on] = assembleTraces([{ message: line }]);
    expect(JSON.stringify(on)).not.toContain(JWT.slice(0, 20));
    expect(on.events[0].value).toBe(REDACTED);
    const [off] = assembleTraces([{ message: line }], { redact: false });
    expect(off.events[0].value).toBe(JWT);
  });

  it('never leaves a secret half-cut at the message cap', () => {
    const line = `Method request headers: {${'a=b, '.repeat(
      806,
    )}Authorization=Bearer ${JWT}}`;
    const [trace] = parseExecutionLog(line);
    const message = trace.events[0].message;
    expect(message.length).toBeLessThanOrEqual(4096);
    expect(trace.events[0].truncated).toBe(true);
    expect(message).not.toContain('eyJhbGci');
    expect(message.endsWith('[REDACT')).toBe(false);
  });
});

describe('the default pre-check', () => {
  // What the keyed pass and the value patterns can match: the pre-check may
  // accept more, never less.
  const TRIGGER =
    /passw|secret|token|api[-_]?key|authorization|cookie|credential|signature|private[-_]?key/i;
  const VALUES =
    /eyJ|AKIA|ASIA|[Bb]earer|BEARER|[Bb]asic|BASIC|API Key|PRIVATE KEY-----/;

  it('accepts every text the passes could change', () => {
    const parts = [
      'passw',
      'secret',
      'token',
      'api-key',
      'api_key',
      'apikey',
      'api key',
      'authorization',
      'cookie',
      'credential',
      'signature',
      'private-key',
      'privatekey',
      'eyJ',
      'AKIA',
      'ASIA',
      'Bearer',
      'bearer',
      'BEARER',
      'Basic',
      'basic',
      'BASIC',
      'PRIVATE KEY-----',
      'API Key',
      'x',
      ' ',
      '=',
      '-',
    ];
    const random = prng(4242);
    const missed: string[] = [];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        let part = parts[Math.floor(random() * parts.length)];
        // Random case, and sometimes a cut, so near misses are tried too.
        if (random() < 0.5)
          part = [...part]
            .map(c => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase()))
            .join('');
        if (random() < 0.3) part = part.slice(0, -1);
        text += part;
      }
      if (
        (TRIGGER.test(text) || VALUES.test(text)) &&
        !mayHoldDefaultSecret(text)
      )
        missed.push(text);
    }
    expect(missed).toEqual([]);
  });
});
