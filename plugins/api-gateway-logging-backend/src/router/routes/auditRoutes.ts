import Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import {
  ChecksResponse,
  EntityAuditResponse,
  EntityStagesResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';
import { describeStages } from '../../services/stages/describeStages';
import { requireAuditRead } from '../authorize';
import { coverageToCsv } from '../csv';
import { coverageQuery } from '../params/coverageQuery';
import { parseEntityRefParams, parseInput } from '../params/validation';
import type { RouterOptions } from '../createRouter';

const noQuery = z.object({}).strict();

/** The stages an entity names, its audit, the checks, and the coverage. */
export function auditRoutes(options: RouterOptions) {
  const { httpAuth, permissions, entities, audit, coverage } = options;
  const router = Router();

  router.get('/checks', async (req, res) => {
    parseInput(noQuery, req.query, 'checks query');
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const body: ChecksResponse = { checks: audit.listChecks() };
    res.json(body);
  });

  router.get('/entities/:namespace/:kind/:name/stages', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    parseInput(noQuery, req.query, 'stages query');
    const credentials = await httpAuth.credentials(req);
    const linked = await entities.loadLinked(entityRef, credentials);
    const body: EntityStagesResponse = describeStages(linked);
    res.json(body);
  });

  router.get('/entities/:namespace/:kind/:name/audit', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    parseInput(noQuery, req.query, 'audit query');
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
    if (filters.check) {
      const ids = audit.listChecks().map(c => c.id);
      if (!ids.includes(filters.check)) {
        throw new InputError(
          `Invalid coverage query: check ${
            filters.check
          } is not one the audit runs; the checks are ${ids.join(
            ', ',
          )} (GET /checks).`,
        );
      }
    }
    const csv =
      format === 'csv' ||
      (format === undefined &&
        req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (csv) {
      // The export is every matching entity, not one page.
      const all = await coverage.report(credentials, {
        ...filters,
        offset: 0,
        limit: Number.MAX_SAFE_INTEGER,
      });
      res
        .type('text/csv; charset=utf-8')
        .attachment('api-gateway-logging-coverage.csv')
        .send(coverageToCsv(all));
      return;
    }
    res.json(await coverage.report(credentials, filters));
  });

  return router;
}
