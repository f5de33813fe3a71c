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
