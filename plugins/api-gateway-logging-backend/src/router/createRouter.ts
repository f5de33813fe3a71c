import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { FailuresConfig } from '../config/readConfig';
import { AuditService } from '../services/audit/types';
import { CoverageService } from '../services/coverage/types';
import { EntityLoader } from '../services/entities/EntityLoader';
import { FailuresService } from '../services/failures/types';
import { TraceService } from '../services/traces/types';
import { errorHandler } from './errorHandler';
import { auditRoutes } from './routes/auditRoutes';
import { logRoutes } from './routes/logRoutes';

/** What the router needs: the plugin's services, or mocks in router tests. */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  entities: Pick<EntityLoader, 'loadLinked'>;
  audit: AuditService;
  coverage: CoverageService;
  failures: FailuresService;
  traces: TraceService;
  /** Windows and page sizes of the log routes. */
  logQueries: FailuresConfig;
  now?: () => number;
}

/**
 * The plugin's HTTP API, mounted at `/api/api-gateway-logging`; its contract
 * is `openapi.yaml`, which the plugin tests hold every response to.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use(auditRoutes(options));
  router.use(logRoutes(options));
  router.use((req, _res, next) => {
    next(
      new NotFoundError(
        `No route ${req.method} ${req.path} in the api-gateway-logging API; see its openapi.yaml for the routes it has.`,
      ),
    );
  });
  router.use(errorHandler(options.logger));
  return router;
}
