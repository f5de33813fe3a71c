import express from 'express';
import Router from 'express-promise-router';
import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { EntityStagesResponse } from '@internal/plugin-api-gateway-logging-common';
import { EntityLoader } from './service/EntityLoader';
import { describeStages } from './service/describeStages';
import { errorHandler } from './lib/errors';
import { parseEntityRefParams } from './lib/validation';

/** What the router needs; built by the plugin, mocked by router tests. */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  entities: EntityLoader;
}

/** The plugin's HTTP API, mounted at `/api/api-gateway-logging`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, httpAuth, entities } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name/stages', async (req, res) => {
    const ref = parseEntityRefParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(ref, credentials);
    const body: EntityStagesResponse = describeStages(linked);
    res.json(body);
  });

  router.use(errorHandler(logger));
  return router;
}
