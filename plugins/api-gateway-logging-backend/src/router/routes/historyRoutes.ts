import Router from 'express-promise-router';
import {
  CoverageHistoryResponse,
  EntityHistoryResponse,
  StageHistoryResponse,
  SweepStatus,
  UnclaimedResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';
import { requireAuditRead, requireSweepRun } from '../authorize';
import {
  coverageHistoryQuery,
  entityHistoryQuery,
  stageHistoryQuery,
  unclaimedQuery,
} from '../params/historyQueries';
import { parseEntityRefParams, parseInput } from '../params/validation';
import type { RouterOptions } from '../createRouter';

const noQuery = z.object({}).strict();
const DEFAULT_DAYS = 30;

/** What the store remembers: timelines, coverage over time, unclaimed stages, sweeps. */
export function historyRoutes(options: RouterOptions) {
  const { httpAuth, permissions, entities, history, coverage, sweep } = options;
  const router = Router();

  router.get('/history/stages', async (req, res) => {
    const q = parseInput(stageHistoryQuery, req.query, 'stage history query');
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const body: StageHistoryResponse = await history.stageHistory(
      { arn: q.arn, ...(q.account ? { accountId: q.account } : {}) },
      q.limit ?? 50,
    );
    res.json(body);
  });

  router.get('/history/coverage', async (req, res) => {
    const q = parseInput(
      coverageHistoryQuery,
      req.query,
      'coverage history query',
    );
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const body: CoverageHistoryResponse = await history.coverageHistory(
      q,
      q.days ?? DEFAULT_DAYS,
    );
    res.json(body);
  });

  router.get('/entities/:namespace/:kind/:name/history', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const q = parseInput(entityHistoryQuery, req.query, 'history query');
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const linked = await entities.loadLinked(entityRef, credentials);
    const body: EntityHistoryResponse = await history.entityHistory(
      linked,
      q.days ?? DEFAULT_DAYS,
    );
    res.json(body);
  });

  router.get('/unclaimed', async (req, res) => {
    const q = parseInput(unclaimedQuery, req.query, 'unclaimed query');
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const body: UnclaimedResponse = await coverage.unclaimed({
      ...q,
      offset: q.offset ?? 0,
      limit: q.limit ?? 50,
    });
    res.json(body);
  });

  router.get('/sweeps/latest', async (req, res) => {
    parseInput(noQuery, req.query, 'sweep query');
    const credentials = await httpAuth.credentials(req);
    await requireAuditRead(permissions, credentials);
    const body: SweepStatus = await sweep.status();
    res.json(body);
  });

  router.post('/sweeps', async (req, res) => {
    parseInput(noQuery, req.query, 'sweep query');
    const credentials = await httpAuth.credentials(req);
    await requireSweepRun(permissions, credentials);
    const event = await options.auditor.createEvent({
      eventId: 'sweep-run',
      severityLevel: 'medium',
      request: req,
    });
    try {
      await sweep.trigger();
      await event.success();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    const body: SweepStatus = await sweep.status();
    res.status(202).json(body);
  });

  return router;
}
