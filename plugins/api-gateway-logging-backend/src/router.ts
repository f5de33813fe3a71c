import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AUDIT_CHECK_IDS,
  CHECK_STATUSES,
  CheckStatus,
  EntityAuditResponse,
  EntityStagesResponse,
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';
import { EntityLoader } from './service/EntityLoader';
import { describeStages } from './service/describeStages';
import { AuditService } from './service/AuditService/types';
import { CoverageService } from './service/CoverageService/types';
import { errorHandler } from './lib/errors';
import { parseEntityRefParams, parseInput } from './lib/validation';
import { requireAuditRead, requireTracesRead } from './lib/authorize';
import { parseFailuresQuery, parseTraceQuery } from './lib/logQueries';
import { FailuresConfig } from './service/FailuresService/config';
import { FailuresService, TraceService } from './service/FailuresService/types';
import { coverageToCsv } from './lib/csv';

/** What the router needs; built by the plugin, mocked by router tests. */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  entities: Pick<EntityLoader, 'loadLinked'>;
  audit: AuditService;
  coverage: CoverageService;
  failures: FailuresService;
  traces: TraceService;
  failuresConfig: FailuresConfig;
  now?: () => number;
}

const ref = z.string().trim().min(1).max(253);
const coverageQuery = z
  .object({
    owner: ref.optional(),
    system: ref.optional(),
    check: z.enum(AUDIT_CHECK_IDS).optional(),
    status: z
      .enum(CHECK_STATUSES as [CheckStatus, ...CheckStatus[]])
      .optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();

/** The plugin's HTTP API, mounted at `/api/api-gateway-logging`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, httpAuth, permissions, entities, audit, coverage } = options;
  const { failures, traces, failuresConfig } = options;
  const now = options.now ?? Date.now;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name/stages', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entityRef, credentials);
    const body: EntityStagesResponse = describeStages(linked);
    res.json(body);
  });

  router.get('/entities/:namespace/:kind/:name/audit', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    parseInput(z.object({}).strict(), req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const linked = await entities.loadLinked(entityRef, credentials);
    const body: EntityAuditResponse = await audit.auditEntity(linked);
    res.json(body);
  });

  router.get('/audit', async (req, res) => {
    const { format, ...filters } = parseInput(
      coverageQuery,
      req.query,
      'coverage query',
    );
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const report = await coverage.report(credentials, filters);
    const csv =
      format === 'csv' ||
      (format === undefined &&
        req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (csv) {
      res
        .type('text/csv; charset=utf-8')
        .attachment('api-gateway-logging-coverage.csv')
        .send(coverageToCsv(report));
      return;
    }
    res.json(report);
  });

  router.get('/entities/:namespace/:kind/:name/failures', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const query = parseFailuresQuery(req.query, failuresConfig, now());
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entityRef, credentials);
    await requireTracesRead(permissions, credentials, linked.entityRef);
    const body: FailuresResponse = await failures.listFailures(linked, query);
    res.json(body);
  });

  router.get('/traces/:requestId', async (req, res) => {
    const { entity, trace } = parseTraceQuery(req.params.requestId, req.query);
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entity, credentials);
    await requireTracesRead(permissions, credentials, linked.entityRef);
    const body: TraceResponse = await traces.getTrace(linked, trace);
    res.json(body);
  });

  router.use(errorHandler(logger));
  return router;
}
