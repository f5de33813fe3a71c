import { isSecretFieldName } from '../parser/secretNames';

/*
 * Which access-log fields are secret. A field is secret by the `$context`
 * variable it holds, whatever the stage's owner named it, and by its name
 * (the redactor's words: `authorization`, `token`, `x-api-key`, ...), unless
 * the variable is one whose value cannot be a secret (an id, a status, a
 * time), so a field the owner happened to call `tokenStatus` still shows its
 * status. Values of every field still go through the value redactor (JWTs,
 * access key ids, Bearer and Basic credentials, private keys).
 */

const CONTEXT = '$context.';

/**
 * Variables that carry a credential. `$context.identity.apiKey` is the whole
 * API key, unmasked (the execution log masks it; the access log does not);
 * `$context.identity.accessKey` is the caller's AWS access key id.
 */
const SECRET_VARIABLES = new Set([
  '$context.identity.apiKey',
  '$context.identity.accessKey',
]);

/**
 * Variables whose value is an identifier, a number, a time, a method or a
 * path: never a secret, so a secret-looking field name does not hide them.
 * `$context.identity.apiKeyId` names the key without revealing it.
 * Cognito identity ids, pool ids and the authentication provider are
 * identifiers too, but they are not listed: their field names decide.
 */
const PUBLIC_VARIABLES = new Set(
  [
    'accountId',
    'apiId',
    'awsEndpointRequestId',
    'awsEndpointRequestId2',
    'connectionId',
    'domainName',
    'domainPrefix',
    'error.responseType',
    'eventType',
    'extendedRequestId',
    'httpMethod',
    'identity.apiKeyId',
    'identity.sourceIp',
    'integration.integrationStatus',
    'integration.latency',
    'integration.requestId',
    'integration.status',
    'integrationLatency',
    'integrationStatus',
    'messageId',
    'path',
    'protocol',
    'requestId',
    'requestTime',
    'requestTimeEpoch',
    'resourceId',
    'resourcePath',
    'responseLatency',
    'responseLength',
    'routeKey',
    'stage',
    'status',
    'wafResponseCode',
    'xrayTraceId',
  ].map(v => `${CONTEXT}${v}`),
);

/**
 * Whether the `$context` variable `variable` carries a secret: the API key
 * and the caller's access key, and any variable with a secret-looking part
 * in its path (`$context.authorizer.token`,
 * `$context.authorizer.claims.client_secret`,
 * `$context.requestOverride.header.Authorization`). Not secret:
 * `$context.identity.apiKeyId`, `$context.authorizer.principalId`,
 * `$context.identity.cognito*` (identifiers of the caller, not credentials;
 * their values still pass the value redactor).
 *
 * @public
 */
export function isSecretContextVariable(variable: string): boolean {
  if (typeof variable !== 'string' || !variable.startsWith(CONTEXT))
    return false;
  if (SECRET_VARIABLES.has(variable)) return true;
  if (PUBLIC_VARIABLES.has(variable)) return false;
  return variable.slice(CONTEXT.length).split('.').some(isSecretFieldName);
}

/**
 * Whether an access-log field must be replaced whole: its name looks secret
 * (unless every variable in it is one that cannot be secret), or one of the
 * variables it holds is secret.
 */
export function isSecretAccessLogField(
  name: string,
  variables: readonly string[],
): boolean {
  if (variables.some(isSecretContextVariable)) return true;
  if (!isSecretFieldName(name)) return false;
  return (
    variables.length === 0 || !variables.every(v => PUBLIC_VARIABLES.has(v))
  );
}
