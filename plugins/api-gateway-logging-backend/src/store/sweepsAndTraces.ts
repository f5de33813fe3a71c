import { Knex } from 'knex';
import { KeptTrace } from './types';

/** A sweep as stored. */
export interface SweepRecord {
  id: number;
  startedAt: number;
  finishedAt?: number;
  status: 'running' | 'done' | 'failed';
  stages: number;
  calls: number;
  errors: string[];
}

function sweepRecord(row: any): SweepRecord {
  return {
    id: Number(row.id),
    startedAt: Number(row.started_at),
    ...(row.finished_at !== null && row.finished_at !== undefined
      ? { finishedAt: Number(row.finished_at) }
      : {}),
    status: row.status,
    stages: Number(row.stages),
    calls: Number(row.calls),
    errors: row.errors ? JSON.parse(row.errors) : [],
  };
}

export async function startSweep(db: Knex, at: number): Promise<number> {
  const [row] = await db('sweeps')
    .insert({ started_at: at, status: 'running', stages: 0, calls: 0 })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function finishSweep(
  db: Knex,
  id: number,
  outcome: Omit<SweepRecord, 'id' | 'startedAt'>,
): Promise<void> {
  await db('sweeps')
    .where('id', id)
    .update({
      finished_at: outcome.finishedAt ?? null,
      status: outcome.status,
      stages: outcome.stages,
      calls: outcome.calls,
      errors: outcome.errors.length ? JSON.stringify(outcome.errors) : null,
    });
}

/** The latest sweeps: the one running, if any, and the last that finished. */
export async function latestSweeps(
  db: Knex,
): Promise<{ running?: SweepRecord; finished?: SweepRecord }> {
  const running = await db('sweeps')
    .where('status', 'running')
    .orderBy('id', 'desc')
    .first();
  const finished = await db('sweeps')
    .whereNot('status', 'running')
    .orderBy('id', 'desc')
    .first();
  return {
    ...(running ? { running: sweepRecord(running) } : {}),
    ...(finished ? { finished: sweepRecord(finished) } : {}),
  };
}

/** Stores a kept trace (keeping it again replaces the copy). */
export async function keepTrace(db: Knex, kept: KeptTrace): Promise<void> {
  const row = {
    entity_ref: kept.entityRef,
    request_id: kept.requestId,
    extended_request_id: kept.trace.trace?.extendedRequestId ?? null,
    stage_arn: kept.trace.stageArn ?? null,
    trace: JSON.stringify(kept.trace),
    kept_by: kept.keptBy,
    kept_at: kept.keptAt,
    ticket_url: kept.ticketUrl ?? null,
  };
  await db('kept_traces')
    .insert(row)
    .onConflict(['entity_ref', 'request_id'])
    .merge();
}

/** The kept trace of a request of an entity (by request or extended id). */
export async function keptTrace(
  db: Knex,
  entityRef: string,
  requestId: string,
): Promise<KeptTrace | undefined> {
  const row = await db('kept_traces')
    .where('entity_ref', entityRef)
    .andWhere(q =>
      q
        .where('request_id', requestId)
        .orWhere('extended_request_id', requestId),
    )
    .first();
  if (!row) return undefined;
  return {
    entityRef: row.entity_ref,
    requestId: row.request_id,
    trace: JSON.parse(row.trace),
    keptBy: row.kept_by,
    keptAt: Number(row.kept_at),
    ...(row.ticket_url ? { ticketUrl: row.ticket_url } : {}),
  };
}
