import Router from 'express-promise-router';
import {
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { Request } from 'express';
import { JsonObject } from '@backstage/types';
import { principalOf, requireTracesRead } from '../authorize';
import { keepTraceBody } from '../params/historyQueries';
import { parseFailuresQuery, parseTraceQuery } from '../params/logQueries';
import { parseEntityRefParams, parseInput } from '../params/validation';
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
    const body: TraceResponse = await audited(
      req,
      'trace-read',
      { entityRef: linked.entityRef, requestId: trace.requestId },
      () => traces.getTrace(linked, trace),
    );
    res.json(body);
  });

  router.post('/traces/:requestId/keep', async (req, res) => {
    const { ticketUrl, ...lookup } = parseInput(
      keepTraceBody,
      req.body ?? {},
      'keep request',
    );
    const { entity, trace } = parseTraceQuery(
      req.params.requestId,
      lookup,
      now(),
    );
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entity, credentials);
    await requireTracesRead(permissions, credentials, linked.entityRef);
    const body: TraceResponse = await audited(
      req,
      'trace-keep',
      {
        entityRef: linked.entityRef,
        requestId: trace.requestId,
        ...(ticketUrl ? { ticketUrl } : {}),
      },
      () =>
        traces.keepTrace(linked, trace, {
          by: principalOf(credentials),
          ...(ticketUrl ? { ticketUrl } : {}),
        }),
    );
    res.status(201).json(body);
  });

  /**
   * Runs a read of a request's trace as an audit event: who read which
   * request of which entity, whether it came from the logs or a kept copy.
   */
  async function audited(
    req: Request,
    eventId: string,
    meta: JsonObject,
    read: () => Promise<TraceResponse>,
  ): Promise<TraceResponse> {
    const event = await options.auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const body = await read();
      await event.success({
        meta: { found: body.found, source: body.source ?? 'live' },
      });
      return body;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  return router;
}
