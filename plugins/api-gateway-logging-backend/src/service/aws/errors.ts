import { AwsOperation, AwsTarget, describeTarget, partitionOf } from './types';

/** Why an AWS read failed, as the audit reports it. */
export type AwsFailureKind =
  | 'access-denied'
  | 'not-found'
  | 'throttled'
  | 'timeout'
  | 'credentials'
  | 'failed';

/** An AWS read that failed, with a message that says what to do. */
export class AwsReadError extends Error {
  constructor(readonly kind: AwsFailureKind, message: string) {
    super(message);
    this.name = 'AwsReadError';
  }
}

const DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'ForbiddenException',
  'InvalidClientTokenId',
]);
const NOT_FOUND = new Set(['NotFoundException', 'ResourceNotFoundException']);
const THROTTLED = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

function statusOf(error: any): number | undefined {
  return error?.$metadata?.httpStatusCode ?? error?.$response?.statusCode;
}

/** Which kind of failure an SDK error is. */
export function classify(error: any): AwsFailureKind {
  const name: string = error?.name ?? '';
  const status = statusOf(error);
  if (error instanceof AwsReadError) return error.kind;
  if (THROTTLED.has(name) || status === 429) return 'throttled';
  if (DENIED.has(name) || status === 403) return 'access-denied';
  if (NOT_FOUND.has(name) || status === 404) return 'not-found';
  if (TIMEOUT.has(name) || TIMEOUT_CODES.has(error?.code)) return 'timeout';
  if (status !== undefined && status >= 500) return 'timeout';
  return 'failed';
}

/** Throttling, timeouts and 5xx are worth another try; the rest is not. */
export function isRetryable(kind: AwsFailureKind): boolean {
  return kind === 'throttled' || kind === 'timeout';
}

/** The IAM resource ARN an operation needs. */
export function resourceArn(op: AwsOperation, target: AwsTarget): string {
  const partition = partitionOf(target.region);
  if (op.service === 'apigateway') {
    return `arn:${partition}:apigateway:${target.region}::${op.resource}`;
  }
  return `arn:${partition}:logs:${target.region}:${
    target.accountId ?? '<account-id>'
  }:log-group:*`;
}

/** Turns an SDK error into an {@link AwsReadError} a person can act on. */
export function toReadError(
  error: any,
  op: AwsOperation,
  target: AwsTarget,
  attempts: number,
  rateConfigKey: string,
): AwsReadError {
  if (error instanceof AwsReadError && error.kind === 'credentials') {
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
    case 'not-found':
      return new AwsReadError(kind, `Not found: ${where} (AWS said: ${said})`);
    case 'throttled':
      return new AwsReadError(
        kind,
        `Throttled by AWS: ${where} was refused ${attempts} times (${name}); other tools share the quota of this account and region — try again later or lower ${rateConfigKey}`,
      );
    case 'timeout':
      return new AwsReadError(
        kind,
        `AWS did not answer: ${where} failed ${attempts} times (${name}${
          error?.code ? ` ${error.code}` : ''
        }: ${said})`,
      );
    default:
      return new AwsReadError(kind, `${where} failed: ${name}: ${said}`);
  }
}
