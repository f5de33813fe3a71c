import { REDACTED, redactText } from './redact';

/*
 * The secret shapes issue 11 found passing the redactor, and its one
 * over-reach. Each row gives the whole expected output, so "nothing else in
 * the line changed" is part of every assertion.
 */

const R = REDACTED;
const BODY = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
];
const LAMBDA_ID = '0b5e5b8c-1f0a-4f52-9d0c-3e1a2b4c5d6e';

function pem(label: string, newline: string, end = true): string {
  const begin = `-----BEGIN ${label}-----`;
  const body = BODY.join(newline);
  return end
    ? `${begin}${newline}${body}${newline}-----END ${label}-----`
    : `${begin}${newline}${body}`;
}

describe('PEM private key blocks', () => {
  const labels = [
    'PRIVATE KEY',
    'RSA PRIVATE KEY',
    'EC PRIVATE KEY',
    'DSA PRIVATE KEY',
    'OPENSSH PRIVATE KEY',
    'ENCRYPTED PRIVATE KEY',
  ];
  const framed = (label: string) =>
    `-----BEGIN ${label}-----${R}-----END ${label}-----`;

  it.each(labels)('%s in plain text with newlines', label => {
    expect(redactText(`key follows\n${pem(label, '\n')}\nnext line`)).toBe(
      `key follows\n${framed(label)}\nnext line`,
    );
  });

  it.each(labels)('%s inside a JSON string (\\n escapes)', label => {
    const body = JSON.stringify({ user: 'bob', key: pem(label, '\n') });
    const out = redactText(
      `Method request body before transformations: ${body}`,
    );
    expect(out).toBe(
      `Method request body before transformations: {"user":"bob","key":"${framed(
        label,
      )}"}`,
    );
    // Still JSON, with nothing else changed.
    expect(JSON.parse(out.slice(out.indexOf('{')))).toEqual({
      user: 'bob',
      key: framed(label),
    });
  });

  it.each(labels)('%s double-escaped (JSON inside a JSON string)', label => {
    const inner = JSON.stringify({ privateKeyPem: pem(label, '\n'), n: 1 });
    const outer = JSON.stringify({ body: inner, isBase64Encoded: false });
    const out = redactText(outer);
    for (const line of BODY) expect(out).not.toContain(line.slice(0, 24));
    const parsed = JSON.parse(out);
    expect(parsed.isBase64Encoded).toBe(false);
    // The field's name is secret-looking too, so the keyed pass takes the
    // whole value; either way no key material is left.
    expect(JSON.parse(parsed.body)).toEqual({ privateKeyPem: R, n: 1 });
  });

  it('a block under a field whose name says nothing', () => {
    const inner = JSON.stringify({ blob: pem('RSA PRIVATE KEY', '\n') });
    const outer = JSON.stringify({ body: inner });
    expect(JSON.parse(JSON.parse(redactText(outer)).body)).toEqual({
      blob: framed('RSA PRIVATE KEY'),
    });
  });

  it.each([
    [
      'cut by [TRUNCATED] in a JSON string',
      `{"cert":"x","key":"${pem('RSA PRIVATE KEY', '\\n', false)} [TRUNCATED]`,
      `{"cert":"x","key":"-----BEGIN RSA PRIVATE KEY-----${R} [TRUNCATED]`,
    ],
    [
      'cut by [TRUNCATED] in escaped JSON',
      `{\\"key\\":\\"${pem('PRIVATE KEY', '\\\\n', false)}[TRUNCATED]`,
      `{\\"key\\":\\"-----BEGIN PRIVATE KEY-----${R}[TRUNCATED]`,
    ],
    [
      'cut by the end of the text',
      `Endpoint request body after transformations: ${pem(
        'EC PRIVATE KEY',
        '\n',
        false,
      )}`,
      `Endpoint request body after transformations: -----BEGIN EC PRIVATE KEY-----${R}`,
    ],
    [
      'ended by the JSON string that holds it',
      `{"key":"${pem('PRIVATE KEY', '\\n', false)}","user":"bob"}`,
      `{"key":"-----BEGIN PRIVATE KEY-----${R}","user":"bob"}`,
    ],
    [
      'two blocks, the first cut before the second starts',
      `a ${pem('RSA PRIVATE KEY', '\n', false)} b ${pem(
        'EC PRIVATE KEY',
        '\n',
      )} c`,
      `a -----BEGIN RSA PRIVATE KEY-----${R}`,
    ],
  ])('%s', (_label, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves certificates and public keys alone', () => {
    const text =
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----';
    expect(redactText(text)).toBe(text);
  });
});

describe('Basic and Bearer credentials under any name', () => {
  const BASIC = 'dXNlcjpwYXNzd29yZA=='; // user:password
  const SHORT = 'YTpi'; // a:b
  const JWT =
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
  it.each([
    [`X-Upstream-Auth: Basic ${BASIC}`, `X-Upstream-Auth: Basic ${R}`],
    [
      `Method request headers: {Accept=*/*, Proxy-Auth=Basic ${BASIC}, Host=h}`,
      `Method request headers: {Accept=*/*, Proxy-Auth=Basic ${R}, Host=h}`,
    ],
    [`{Proxy-Auth=Basic ${BASIC}}`, `{Proxy-Auth=Basic ${R}}`],
    [
      `{"x-forward":"Basic ${BASIC}","a":1}`,
      `{"x-forward":"Basic ${R}","a":1}`,
    ],
    [
      `{\\"x-forward\\":\\"basic ${BASIC}\\"}`,
      `{\\"x-forward\\":\\"basic ${R}\\"}`,
    ],
    [`X-Creds: BASIC ${SHORT} end`, `X-Creds: BASIC ${R} end`],
    [`Upstream: Basic ${BASIC}. Next`, `Upstream: Basic ${R}. Next`],
    [`{X-Upstream=Bearer ${JWT}, Host=h}`, `{X-Upstream=Bearer ${R}, Host=h}`],
    [`"x-forward":"Bearer opaque-0123456789"`, `"x-forward":"Bearer ${R}"`],
    [`X-Relay: BEARER abcdef123456`, `X-Relay: BEARER ${R}`],
    [
      `Endpoint request headers: {x-upstream=Basic ${BASIC} [TRUNCATED]`,
      `Endpoint request headers: {x-upstream=Basic ${R} [TRUNCATED]`,
    ],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'Basic authentication failed for the integration',
    'Using Basic auth: see the docs',
    'Basic Authentication is not enabled',
    'Bearer token missing',
  ])('leaves prose alone: %s', text => {
    expect(redactText(text)).toBe(text);
  });
});

describe('a secret outside a header map ends at its word', () => {
  it.each([
    [
      `Lambda execution failed with status 200 due to customer function error: login failed password=hunter2 for user bob. Lambda request id: ${LAMBDA_ID}`,
      `Lambda execution failed with status 200 due to customer function error: login failed password=${R} for user bob. Lambda request id: ${LAMBDA_ID}`,
    ],
    [
      `Lambda execution failed with status 200 due to customer function error: bad creds client_secret=s3cr3t, token=abc.def; retry. Lambda request id: ${LAMBDA_ID}`,
      `Lambda execution failed with status 200 due to customer function error: bad creds client_secret=${R}, token=${R}; retry. Lambda request id: ${LAMBDA_ID}`,
    ],
    [
      `Execution failed due to configuration error: password=hunter2.`,
      `Execution failed due to configuration error: password=${R}.`,
    ],
    [
      `Endpoint response body before transformations: {"errorMessage":"db login password=hunter2 rejected"}`,
      `Endpoint response body before transformations: {"errorMessage":"db login password=${R} rejected"}`,
    ],
    [
      `error: Cookie=theme=dark; session=abc123; id=9 for user bob`,
      `error: Cookie=${R} for user bob`,
    ],
    [
      `Authorization=AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20190226/eu-west-2/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0a1b2c3d4e5f then`,
      `Authorization=${R}, SignedHeaders=host;x-amz-date, Signature=${R} then`,
    ],
    [
      `error: Authorization=Bearer abcdef123456 rejected`,
      `error: Authorization=${R} rejected`,
    ],
    [
      `retry with token=Basic dXNlcjpwYXNzd29yZA== later`,
      `retry with token=${R} later`,
    ],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    [
      // Inside a map, values keep their `, ` and `=` (today's rules).
      `Method request headers: {Accept=*/*, X-Amzn-Trace-Id=Root=1-5c75;Sampled=1, Cookie=a=1; b=2, password=correct horse battery, Host=h}`,
      `Method request headers: {Accept=*/*, X-Amzn-Trace-Id=Root=1-5c75;Sampled=1, Cookie=${R}, password=${R}, Host=h}`,
    ],
    [
      `Method request query string: {password=two words, page=2}`,
      `Method request query string: {password=${R}, page=2}`,
    ],
  ])('inside a map: %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});
