import { AwsOperation, AwsTarget, describeTarget, partitionOf } from './target';

/**
 * Why an AWS read failed. Each kind has its own advice: a permission to
 * grant, credentials or a clock to fix, a role's trust policy, or a moment to
 * wait.
 *
 * @public
 */
export type AwsFailureKind =
  | 'access-denied'
  | 'credentials'
  | 'assume-role'
  | 'not-found'
  | 'throttled'
  | 'timeout'
  | 'unreachable'
  | 'server-error'
  | 'failed';

/**
 * An AWS read that failed, with a message that says what to do.
 *
 * @public
 */
export class AwsReadError extends Error {
  constructor(
    readonly kind: AwsFailureKind,
    message: string,
    /** For `throttled`: when AWS said to try again (epoch ms), if it did. */
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'AwsReadError';
  }
}

const DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedException',
  'UnauthorizedOperation',
  'ForbiddenException',
]);
// Credential or clock problems, not missing permissions: granting an action
// would not help.
const CREDENTIALS = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'RequestExpired',
  'CredentialsProviderError',
]);
const NOT_FOUND = new Set(['NotFoundException', 'ResourceNotFoundException']);
const THROTTLED = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function statusOf(error: any): number | undefined {
  return error?.$metadata?.httpStatusCode ?? error?.$response?.statusCode;
}

// When a Node error crosses a realm (a test VM, a bundler) the SDK wraps it
// as `Error: AWS SDK error wrapper for TimeoutError: socket hang up`.
const WRAPPED = /^AWS SDK error wrapper for (\w+)/;
const CONNECTION_MESSAGE =
  /socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ENOTFOUND/;

/** Which kind of failure an SDK error is. @public */
export function classify(error: any): AwsFailureKind {
  if (error instanceof AwsReadError) return error.kind;
  const message = String(error?.message ?? '');
  const name: string =
    WRAPPED.exec(message)?.[1] ?? error?.name ?? error?.Code ?? '';
  const status = statusOf(error);
  if (THROTTLED.has(name) || status === 429) return 'throttled';
  if (CREDENTIALS.has(name)) return 'credentials';
  if (DENIED.has(name) || status === 403) return 'access-denied';
  if (NOT_FOUND.has(name) || status === 404) return 'not-found';
  if (
    UNREACHABLE_CODES.has(error?.code ?? error?.cause?.code) ||
    CONNECTION_MESSAGE.test(message)
  ) {
    return 'unreachable';
  }
  if (TIMEOUT.has(name) || error?.code === 'ETIMEDOUT') return 'timeout';
  if (status !== undefined && status >= 500) return 'server-error';
  return 'failed';
}

/** Throttling, timeouts, unreachable endpoints and 5xx are worth another try. @public */
export function isRetryable(kind: AwsFailureKind): boolean {
  return (
    kind === 'throttled' ||
    kind === 'timeout' ||
    kind === 'unreachable' ||
    kind === 'server-error'
  );
}

/**
 * The wait AWS asked for with a 429's `Retry-After` header (seconds or an
 * HTTP date), in ms; undefined when it did not say.
 *
 * @public
 */
export function retryAfterMs(error: any, now = Date.now()): number | undefined {
  const headers = error?.$response?.headers ?? {};
  const value = headers['retry-after'] ?? headers['Retry-After'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** The IAM resource ARN an operation needs, in the target's partition. @public */
export function resourceArn(op: AwsOperation, target: AwsTarget): string {
  const partition = partitionOf(target.region);
  if (op.service === 'apigateway') {
    return `arn:${partition}:apigateway:${target.region}::${op.resource}`;
  }
  if (op.service === 'logs') {
    return `arn:${partition}:logs:${target.region}:${
      target.accountId ?? '<account-id>'
    }:log-group:*`;
  }
  return '*';
}

/** Options of {@link toReadError}. @public */
export interface ToReadErrorOptions {
  attempts: number;
  /** The config key that sets the operation's rate, named when throttled. */
  rateConfigKey: string;
  now?: number;
}

/** Turns an SDK error into an {@link AwsReadError} a person can act on. @public */
export function toReadError(
  error: any,
  op: AwsOperation,
  target: AwsTarget,
  options: ToReadErrorOptions,
): AwsReadError {
  if (
    error instanceof AwsReadError &&
    (error.kind === 'credentials' || error.kind === 'assume-role')
  ) {
    return error;
  }
  const kind = classify(error);
  const name = error?.name ?? 'Error';
  const said = String(error?.message ?? '').slice(0, 300);
  const where = `${op.action} on ${op.resource} (${describeTarget(target)})`;
  switch (kind) {
    case 'access-denied':
      return new AwsReadError(
        kind,
        `AccessDenied: ${where} — grant ${op.action} on ${resourceArn(
          op,
          target,
        )} to the role the backend uses (AWS said: ${name}: ${said})`,
      );
    case 'credentials':
      return new AwsReadError(
        kind,
        `AWS refused the backend's credentials for ${describeTarget(
          target,
        )} (${name}: ${said}). This is not a missing permission: the credentials are expired, unknown or for another partition, or the backend's clock is off. Renew the credentials the backend uses (aws.mainAccount / aws.accounts in app-config, or the host's role) and check its clock.`,
      );
    case 'not-found':
      return new AwsReadError(kind, `Not found: ${where} (AWS said: ${said})`);
    case 'throttled': {
      const wait = retryAfterMs(error, options.now);
      const retryAt =
        wait !== undefined ? (options.now ?? Date.now()) + wait : undefined;
      return new AwsReadError(
        kind,
        `Throttled by AWS: ${where} was refused ${
          options.attempts
        } times (${name}); other tools share the quota of this account and region — ${
          wait !== undefined
            ? `AWS asked to wait ${Math.ceil(wait / 1000)} s`
            : 'try again in a minute'
        }, or lower ${options.rateConfigKey}`,
        retryAt,
      );
    }
    case 'timeout':
    case 'unreachable':
    case 'server-error':
      return new AwsReadError(
        kind,
        `AWS did not answer: ${where} failed ${options.attempts} times (${
          kind === 'server-error' ? `HTTP ${statusOf(error)} ` : ''
        }${name}${error?.code ? ` ${error.code}` : ''}: ${said})`,
      );
    default:
      return new AwsReadError(kind, `${where} failed: ${name}: ${said}`);
  }
}
