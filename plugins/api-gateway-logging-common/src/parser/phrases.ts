/**
 * Exact phrases that mark a failing request in execution logs, for building
 * CloudWatch Logs filter patterns (`?"phrase" ?"phrase"`) or cheap
 * pre-filters. Each is a literal substring of a real message template; an
 * event that contains none of them is not, on its own, evidence of failure.
 *
 * @public
 */
export const FAILURE_MESSAGE_PHRASES: readonly string[] = Object.freeze([
  'Method completed with status: 4',
  'Method completed with status: 5',
  'exceeded throttle limit',
  'Key throttle limit exceeded',
  'exceeded quota limit',
  'Key quota exhausted',
  'Unauthorized request',
  'AuthorizerConfigurationException',
  'Authorizer error',
  'Execution failed',
  'Lambda execution failed',
  'Lambda invocation failed',
  'API Key not authorized',
  'Usage Plan check failed',
  'Request body validation failed',
  'Request body does not match model schema',
  'Malformed Lambda proxy response',
  'Invalid permissions on Lambda function',
  'Could not parse policy',
  'Rate Exceeded',
  'TooManyRequestsException',
  'timeout error',
]);

/**
 * Whether `message` contains one of {@link FAILURE_MESSAGE_PHRASES}.
 *
 * @public
 */
export function isFailureMessage(message: string): boolean {
  if (typeof message !== 'string') return false;
  return FAILURE_MESSAGE_PHRASES.some(p => message.includes(p));
}
