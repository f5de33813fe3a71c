import { InputError } from '@backstage/errors';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  FAILURE_CATEGORIES,
  FailureCategory,
  isValidRequestId,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';
import { FailuresConfig, MAX_PAGE_SIZE } from '../../config/readConfig';
import { FailuresQuery } from '../../services/failures/types';
import { decodeCursor } from '../../services/failures/window';
import { TraceQuery } from '../../services/traces/types';
import { stageSelectorParam } from './stageSelector';
import { timeParam } from './time';
import { parseInput } from './validation';

/** Default windows end on a 30 s boundary, so users opening a tab together share one cached result. */
const ALIGN_MS = 30_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function failuresSchema(now: number) {
  return z
    .object({
      from: timeParam(now).optional(),
      to: timeParam(now).optional(),
      category: z
        .enum(FAILURE_CATEGORIES as unknown as [string, ...string[]])
        .optional(),
      stage: stageSelectorParam.optional(),
      cursor: z.string().max(200).optional(),
      limit: z
        .string()
        .regex(/^\d{1,4}$/, 'is not a whole number')
        .transform(Number)
        .optional(),
    })
    .strict();
}

/** Validates `/failures` query parameters into a bounded window and page. */
export function parseFailuresQuery(
  query: unknown,
  config: FailuresConfig,
  now: number,
): FailuresQuery {
  const q = parseInput(failuresSchema(now), query, 'failures query');
  let from: number;
  let to: number;
  let offset = 0;
  if (q.cursor !== undefined) {
    const cursor = decodeCursor(q.cursor);
    if (!cursor) {
      throw new InputError(
        'Invalid failures query: cursor is not one this API returned; start again without it.',
      );
    }
    ({ from, to, offset } = cursor);
  } else {
    to = q.to ?? Math.ceil(now / ALIGN_MS) * ALIGN_MS;
    from = q.from ?? to - config.defaultWindowMs;
  }
  if (from >= to) {
    throw new InputError(
      'Invalid failures query: from must be before to (the window is reversed or empty).',
    );
  }
  if (to - from > config.maxWindowMs) {
    throw new InputError(
      `Invalid failures query: the window is at most ${
        config.maxWindowMs / 3_600_000
      } hours (apiGatewayLogging.failures.maxWindowHours); narrow from and to.`,
    );
  }
  const limit = q.limit ?? config.pageSize;
  if (limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InputError(
      `Invalid failures query: limit must be between 1 and ${MAX_PAGE_SIZE}.`,
    );
  }
  return {
    from,
    to,
    offset,
    limit,
    ...(q.category ? { category: q.category as FailureCategory } : {}),
    ...(q.stage ? { stage: q.stage } : {}),
  };
}

function traceSchema(now: number) {
  return z
    .object({
      entity: z.string().max(300, 'is too long for an entity reference'),
      stage: stageSelectorParam.optional(),
      around: timeParam(now).optional(),
    })
    .strict();
}

/**
 * Validates a trace lookup. The request id is checked strictly (it goes
 * into a CloudWatch filter pattern, whose terms are case-sensitive: a UUID
 * is lower-cased as API Gateway writes it), and the entity is required: the
 * permission to read logs is granted per entity.
 */
export function parseTraceQuery(
  requestId: string,
  query: unknown,
  now: number,
): { entity: CompoundEntityRef; trace: TraceQuery } {
  if (!isValidRequestId(requestId)) {
    throw new InputError(
      `Invalid request id ${JSON.stringify(
        String(requestId).slice(0, 80),
      )}: an API Gateway request id is a UUID (e.g. 3323ffe5-6ddf-45c8-896a-b45ec2284cc0) or an extended request id (e.g. Vts2FFmArPEFh8g=).`,
    );
  }
  const q = parseInput(traceSchema(now), query, 'trace query');
  let entity: CompoundEntityRef;
  try {
    entity = parseEntityRef(q.entity, {
      defaultKind: 'api',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `Invalid trace query: entity ${JSON.stringify(
        q.entity.slice(0, 80),
      )} is not an entity reference (e.g. api:default/payments-api, or payments-api).`,
    );
  }
  return {
    entity: {
      kind: entity.kind.toLocaleLowerCase('en-US'),
      namespace: entity.namespace.toLocaleLowerCase('en-US'),
      name: entity.name,
    },
    trace: {
      requestId: UUID.test(requestId) ? requestId.toLowerCase() : requestId,
      ...(q.stage ? { stage: q.stage } : {}),
      ...(q.around !== undefined ? { around: q.around } : {}),
    },
  };
}
