import { REDACTED } from '../parser';
import { isSecretFieldName } from '../parser/secretNames';
import { compileAccessLogFormat } from './compile';
import { parseAccessLogRecord } from './parseRecord';
import {
  isSecretAccessLogField,
  isSecretContextVariable,
} from './secretFields';

const API_KEY = 'k9Xq2LmN4pR7sT1vW3yZ5aBcD8eFgH0j';
const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('which $context variables are secret', () => {
  it.each([
    ['$context.identity.apiKey', true],
    ['$context.identity.accessKey', true],
    ['$context.authorizer.token', true],
    ['$context.authorizer.claims.client_secret', true],
    ['$context.authorizer.accessToken', true],
    ['$context.requestOverride.header.Authorization', true],
    ['$context.identity.apiKeyId', false],
    ['$context.authorizer.principalId', false],
    ['$context.authorizer.claims.email', false],
    ['$context.identity.cognitoIdentityId', false],
    ['$context.identity.cognitoAuthenticationProvider', false],
    ['$context.identity.clientCert.clientCertPem', false],
    ['$context.requestId', false],
    ['$context.status', false],
    ['$stageVariables.token', false],
  ])('%s: %s', (variable, secret) => {
    expect(isSecretContextVariable(variable)).toBe(secret);
  });

  it.each([
    ['authorization', true],
    ['x-api-key', true],
    ['apiKey', true],
    ['client_secret', true],
    ['Set-Cookie', true],
    ['refresh_token', true],
    ['password', true],
    ['apiKeyId', false],
    ['api_key_id', false],
    ['secretID', false],
    ['status', false],
  ])('the name %s is secret: %s', (name, secret) => {
    expect(isSecretFieldName(name)).toBe(secret);
  });

  it('a secret-looking name does not hide a variable that cannot be secret', () => {
    expect(isSecretAccessLogField('tokenStatus', ['$context.status'])).toBe(
      false,
    );
    expect(
      isSecretAccessLogField('token', ['$context.authorizer.principalId']),
    ).toBe(true);
    expect(isSecretAccessLogField('token', [])).toBe(true);
  });
});

describe('access-log records never carry raw secrets', () => {
  const record = {
    requestId: 'r-1',
    status: '403',
    apiKey: API_KEY,
    authorization: `Bearer ${JWT}`,
    cookie: 'session=abc123; theme=dark',
    token: 'opaque-token-value',
    'x-api-key': API_KEY,
    client_secret: 's3cr3t-value',
    password: 123456,
    apiKeyId: 'o1kshx32sd',
    nested: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' },
  };

  it('by name, any value type, when the format is unknown', () => {
    const parsed = parseAccessLogRecord(JSON.stringify(record))!;
    expect(parsed.fields).toEqual({
      requestId: 'r-1',
      status: '403',
      apiKey: REDACTED,
      authorization: REDACTED,
      cookie: REDACTED,
      token: REDACTED,
      'x-api-key': REDACTED,
      client_secret: REDACTED,
      password: REDACTED,
      apiKeyId: 'o1kshx32sd',
      nested: `{"authorization":"${REDACTED}"}`,
    });
  });

  it('by variable whatever the owner named the field, and by name', () => {
    const format = JSON.stringify({
      rid: '$context.requestId',
      st: '$context.status',
      k: '$context.identity.apiKey',
      kid: '$context.identity.apiKeyId',
      ak: '$context.identity.accessKey',
      tok: '$context.authorizer.token',
      who: '$context.authorizer.principalId',
      authorization: '$context.authorizer.claims.sub',
      ua: '$context.identity.userAgent',
    });
    const line = JSON.stringify({
      rid: 'r-2',
      st: '401',
      k: API_KEY,
      kid: 'o1kshx32sd',
      ak: 'AKIAIOSFODNN7EXAMPLE',
      tok: 'opaque-token-value',
      who: 'user-7',
      authorization: 'sub-1',
      ua: `curl Bearer ${JWT}`,
    });
    const compiled = compileAccessLogFormat(format);
    expect(compiled.parse(line)!.fields).toEqual({
      rid: 'r-2',
      st: '401',
      k: REDACTED,
      kid: 'o1kshx32sd',
      ak: REDACTED,
      tok: REDACTED,
      who: 'user-7',
      authorization: REDACTED,
      ua: `curl Bearer ${REDACTED}`,
    });
    // Numbers too, and in a line read through the template (not JSON).
    const clf = compileAccessLogFormat(
      '$context.requestId $context.identity.apiKey $context.status "$context.authorizer.password"',
    );
    expect(clf.parse(`r-3 ${API_KEY} 403 "12345"`)!.fields).toEqual({
      requestId: 'r-3',
      'identity.apiKey': REDACTED,
      status: '403',
      'authorizer.password': REDACTED,
    });
  });

  it('keeps unset values readable', () => {
    const compiled = compileAccessLogFormat('{"k":"$context.identity.apiKey"}');
    expect(compiled.parse('{"k":"-"}')!.fields.k).toBe('-');
  });
});
