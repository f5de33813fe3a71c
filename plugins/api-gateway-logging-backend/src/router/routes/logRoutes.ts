import Router from 'express-promise-router';
import {
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { requireTracesRead } from '../authorize';
import { parseFailuresQuery, parseTraceQuery } from '../params/logQueries';
import { parseEntityRefParams } from '../params/validation';
import type { RouterOptions } from '../createRouter';

/** An entity's recent failures and one request's trace: execution logs, permission per entity. */
export function logRoutes(options: RouterOptions) {
  const { httpAuth, permissions, entities, failures, traces } = options;
  const now = options.now ?? Date.now;
  const router = Router();

  router.get('/entities/:namespace/:kind/:name/failures', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const query = parseFailuresQuery(req.query, options.logQueries, now());
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entityRef, credentials);
    await requireTracesRead(permissions, credentials, linked.entityRef);
    const body: FailuresResponse = await failures.listFailures(linked, query);
    res.json(body);
  });

  router.get('/traces/:requestId', async (req, res) => {
    const { entity, trace } = parseTraceQuery(
      req.params.requestId,
      req.query,
      now(),
    );
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entity, credentials);
    await requireTracesRead(permissions, credentials, linked.entityRef);
    const body: TraceResponse = await traces.getTrace(linked, trace);
    res.json(body);
  });

  return router;
}
