import { ErrorRequestHandler } from 'express';
import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

// Statuses of the error classes of @backstage/errors, by name.
const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotModifiedError: 304,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

/**
 * What is wrong with a body `express.json()` refused (invalid JSON, too
 * large, an unsupported charset): the client's mistake, never a 500.
 */
function bodyProblem(error: unknown): string | undefined {
  const type = (error as { type?: unknown })?.type;
  if (typeof type !== 'string' || !isError(error)) return undefined;
  if (type === 'entity.parse.failed') {
    return `The request body is not valid JSON (${error.message}); send a JSON object with Content-Type: application/json.`;
  }
  if (type === 'entity.too.large') {
    return 'The request body is larger than the 100 kB this API accepts; the routes that take a body take a small JSON object.';
  }
  if (type.endsWith('.unsupported')) {
    return `The request body could not be read (${error.message}); send it as UTF-8 JSON without a content encoding.`;
  }
  return undefined;
}

/**
 * Serializes errors as Backstage's `{ error, request, response }` body, but
 * never with a stack trace: users see what is wrong and what to do, the
 * stack goes to the backend log. An error of unknown type is a bug of ours:
 * it is logged in full and answered with a generic 500.
 */
export function errorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = bodyProblem(error);
    if (problem) {
      res.status(400).json({
        error: { name: 'InputError', message: problem },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 400 },
      });
      return;
    }
    const status = isError(error) ? STATUS_BY_NAME[error.name] : undefined;
    if (status === undefined) {
      logger.error(`Unhandled error on ${req.method} ${req.path}`, error);
    } else if (status >= 500) {
      logger.warn(`${req.method} ${req.path}: ${error.message}`);
    }
    const body = {
      error:
        status !== undefined
          ? { name: error.name, message: error.message }
          : {
              name: 'Error',
              message:
                'The api-gateway-logging backend failed unexpectedly; the backend log has the details.',
            },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: status ?? 500 },
    };
    res.status(status ?? 500).json(body);
  };
}
