/**
 * The words that make a header, map key or field name secret-looking
 * (case-insensitive, anywhere in the name): `Authorization`,
 * `X-Amz-Security-Token`, `client_secret`, `x-api-key`, `Set-Cookie`, ...
 * The redactor's keyed pass and the access-log field rules share them.
 */
export const SECRET_NAME_WORDS: readonly string[] = [
  'passw',
  'secret',
  'token',
  'api[-_]?key',
  'authorization',
  'cookie',
  'credential',
  'signature',
  'private[-_]?key',
];

const SECRET_NAME = new RegExp(SECRET_NAME_WORDS.join('|'), 'i');

// `apiKeyId`, `api_key_id`, `secretID`: the name of an identifier that
// points at a secret, not the secret itself.
const IDENTIFIER_SUFFIX = /(?:[a-z0-9](?:Id|ID)|[-_.][Ii][Dd])$/;

/**
 * Whether a field named `name` holds a secret by its name alone: it contains
 * one of the words of `SECRET_NAME_WORDS` and is not the name of an identifier
 * (`apiKeyId`, `secret_id`).
 *
 * @public
 */
export function isSecretFieldName(name: string): boolean {
  if (typeof name !== 'string' || !SECRET_NAME.test(name)) return false;
  return !IDENTIFIER_SUFFIX.test(name);
}
