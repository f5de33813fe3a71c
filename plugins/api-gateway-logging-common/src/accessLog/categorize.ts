import type { AccessLogRecord } from '../failures';
import type { FailureCategory } from '../parser';

/**
 * The failure category of a request known only from its access-log record
 * (HTTP APIs have no execution logs), from its status and the gateway
 * response type. Undefined for a success.
 *
 * @public
 */
export function categorizeAccessLogRecord(
  record: AccessLogRecord,
): { category: FailureCategory; reason: string } | undefined {
  const status = record.status;
  if (status === undefined || status < 400) return undefined;
  const type = record.errorResponseType?.toUpperCase();
  const detail =
    record.integrationErrorMessage ??
    record.authorizerError ??
    record.errorMessage;
  const withDetail = (text: string) => (detail ? `${text}: ${detail}` : text);
  switch (type) {
    case 'UNAUTHORIZED':
    case 'ACCESS_DENIED':
    case 'MISSING_AUTHENTICATION_TOKEN':
    case 'EXPIRED_TOKEN':
    case 'INVALID_SIGNATURE':
      return {
        category: 'authorizer-denied',
        reason: withDetail(`The request was refused (${type})`),
      };
    case 'AUTHORIZER_FAILURE':
    case 'AUTHORIZER_CONFIGURATION_ERROR':
      return {
        category: 'authorizer-error',
        reason: withDetail(`The authorizer failed (${type})`),
      };
    case 'THROTTLED':
      return {
        category: 'throttled',
        reason: 'The request was throttled (429 THROTTLED)',
      };
    case 'QUOTA_EXCEEDED':
      return {
        category: 'quota-exceeded',
        reason: 'The usage plan quota was exhausted (429 QUOTA_EXCEEDED)',
      };
    case 'INVALID_API_KEY':
      return {
        category: 'api-key-rejected',
        reason: 'The API key was missing or invalid (INVALID_API_KEY)',
      };
    case 'INTEGRATION_TIMEOUT':
      return {
        category: 'integration-timeout',
        reason: withDetail('The integration timed out'),
      };
    case 'INTEGRATION_FAILURE':
    case 'API_CONFIGURATION_ERROR':
      return {
        category: 'integration-error',
        reason: withDetail(`The integration failed (${type})`),
      };
    default:
      break;
  }
  if (record.authorizerError) {
    return {
      category: status >= 500 ? 'authorizer-error' : 'authorizer-denied',
      reason: `Authorizer: ${record.authorizerError}`,
    };
  }
  if (status === 429)
    return {
      category: 'throttled',
      reason: withDetail('Too many requests (429)'),
    };
  if (status === 504)
    return {
      category: 'integration-timeout',
      reason: withDetail('The integration timed out (504)'),
    };
  if (status >= 500 && record.integrationErrorMessage) {
    return {
      category: 'integration-error',
      reason: `The integration failed: ${record.integrationErrorMessage}`,
    };
  }
  if (status >= 500)
    return {
      category: 'server-error',
      reason: withDetail(`Server error (${status})`),
    };
  return {
    category: 'client-error',
    reason: withDetail(`Client error (${status})`),
  };
}
