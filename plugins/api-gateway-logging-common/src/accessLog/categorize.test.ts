import { categorizeAccessLogRecord } from './categorize';

describe('categorizeAccessLogRecord', () => {
  it.each([
    [{ status: 200 }, undefined],
    [{ status: 401, errorResponseType: 'UNAUTHORIZED' }, 'authorizer-denied'],
    [
      { status: 500, errorResponseType: 'AUTHORIZER_CONFIGURATION_ERROR' },
      'authorizer-error',
    ],
    [{ status: 429, errorResponseType: 'THROTTLED' }, 'throttled'],
    [{ status: 429, errorResponseType: 'QUOTA_EXCEEDED' }, 'quota-exceeded'],
    [{ status: 403, errorResponseType: 'INVALID_API_KEY' }, 'api-key-rejected'],
    [
      { status: 504, errorResponseType: 'INTEGRATION_TIMEOUT' },
      'integration-timeout',
    ],
    [
      { status: 502, errorResponseType: 'INTEGRATION_FAILURE' },
      'integration-error',
    ],
    [{ status: 500, authorizerError: 'Authorizer error' }, 'authorizer-error'],
    [{ status: 403, authorizerError: 'Unauthorized' }, 'authorizer-denied'],
    [{ status: 429 }, 'throttled'],
    [{ status: 504 }, 'integration-timeout'],
    [
      { status: 500, integrationErrorMessage: 'Lambda timed out' },
      'integration-error',
    ],
    [{ status: 503 }, 'server-error'],
    [{ status: 404 }, 'client-error'],
  ])('%j is %s', (record, category) => {
    expect(categorizeAccessLogRecord({ fields: {}, ...record })?.category).toBe(
      category,
    );
  });
});
