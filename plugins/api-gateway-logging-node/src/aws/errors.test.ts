import { classify, resourceArn, retryAfterMs } from './errors';

const op = {
  name: 'FilterLogEvents',
  service: 'logs',
  action: 'logs:FilterLogEvents',
  resource: 'g',
};

describe('classify', () => {
  it.each([
    [{ name: 'ThrottlingException' }, 'throttled'],
    [{ name: 'X', $metadata: { httpStatusCode: 429 } }, 'throttled'],
    [{ name: 'AccessDeniedException' }, 'access-denied'],
    [{ name: 'UnrecognizedClientException' }, 'credentials'],
    [{ name: 'InvalidClientTokenId' }, 'credentials'],
    [{ name: 'InvalidSignatureException' }, 'credentials'],
    [{ name: 'ExpiredTokenException' }, 'credentials'],
    [{ name: 'ResourceNotFoundException' }, 'not-found'],
    [{ name: 'TimeoutError' }, 'timeout'],
    [{ name: 'Error', code: 'ECONNREFUSED' }, 'unreachable'],
    [{ name: 'TimeoutError', code: 'ECONNRESET' }, 'unreachable'],
    [
      {
        name: 'Error',
        message: 'AWS SDK error wrapper for TimeoutError: socket hang up',
      },
      'unreachable',
    ],
    [
      { name: 'Error', message: 'AWS SDK error wrapper for TimeoutError: x' },
      'timeout',
    ],
    [{ name: 'X', $metadata: { httpStatusCode: 503 } }, 'server-error'],
    [
      { name: 'ValidationException', $metadata: { httpStatusCode: 400 } },
      'failed',
    ],
  ])('%j is %s', (error, kind) => {
    expect(classify(error)).toBe(kind);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-11-30T00:00:00Z');
    const at = (value: string) =>
      retryAfterMs({ $response: { headers: { 'retry-after': value } } }, now);
    expect(at('3')).toBe(3000);
    expect(at('Mon, 30 Nov 2026 00:00:10 GMT')).toBe(10_000);
    expect(at('soon')).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
  });
});

describe('resourceArn', () => {
  it('writes the partition of the region', () => {
    expect(resourceArn(op, { region: 'cn-north-1', accountId: '1' })).toBe(
      'arn:aws-cn:logs:cn-north-1:1:log-group:*',
    );
    expect(resourceArn(op, { region: 'us-gov-west-1' })).toContain(
      'arn:aws-us-gov:logs:us-gov-west-1:<account-id>',
    );
  });
});
