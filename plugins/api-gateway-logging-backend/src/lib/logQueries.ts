import { InputError } from '@backstage/errors';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  AnnotationError,
  FAILURE_CATEGORIES,
  isValidRequestId,
  parseStageArn,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';
import { FailuresConfig } from '../service/FailuresService/config';
import { FailuresQuery, TraceQuery } from '../service/FailuresService/types';
import { decodeCursor } from '../service/FailuresService/window';
import { parseInput } from './validation';

/** Default windows end on a 30 s boundary, so users opening a tab together share one cached result. */
const ALIGN_MS = 30_000;
const FUTURE_SLACK_MS = 5 * 60_000;

/** ISO 8601 or epoch milliseconds. */
const time = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms) || ms < 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'not a time (ISO 8601, e.g. 2026-11-21T06:00:00Z, or epoch milliseconds)',
      });
      return z.NEVER;
    }
    return ms;
  });

const stageArn = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    try {
      return parseStageArn(value).arn;
    } catch (error) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          error instanceof AnnotationError
            ? 'not an API Gateway stage ARN (arn:aws:apigateway:{region}::/restapis/{apiId}/stages/{stage})'
            : 'invalid',
      });
      return z.NEVER;
    }
  });

const failuresSchema = z
  .object({
    from: time.optional(),
    to: time.optional(),
    category: z
      .enum(FAILURE_CATEGORIES as unknown as [string, ...string[]])
      .optional(),
    stage: stageArn.optional(),
    cursor: z.string().max(200).optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, 'not a whole number')
      .transform(Number)
      .optional(),
  })
  .strict();

/** Validates `/failures` query parameters into a bounded window and page. */
export function parseFailuresQuery(
  query: unknown,
  config: FailuresConfig,
  now: number,
): FailuresQuery {
  const q = parseInput(failuresSchema, query, 'failures query');
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
  if (from >= to)
    throw new InputError('Invalid failures query: from must be before to.');
  if (to - from > config.maxWindowMs) {
    throw new InputError(
      `Invalid failures query: the window is at most ${
        config.maxWindowMs / 3_600_000
      } hours (apiGatewayLogging.failures.maxWindowHours); narrow from and to.`,
    );
  }
  if (from > now + FUTURE_SLACK_MS)
    throw new InputError('Invalid failures query: from is in the future.');
  const limit = q.limit ?? config.pageSize;
  if (limit < 1 || limit > config.pageSize) {
    throw new InputError(
      `Invalid failures query: limit must be between 1 and ${config.pageSize}.`,
    );
  }
  return {
    from,
    to,
    offset,
    limit,
    ...(q.category
      ? { category: q.category as FailuresQuery['category'] }
      : {}),
    ...(q.stage ? { stageArn: q.stage } : {}),
  };
}

const traceSchema = z
  .object({
    entity: z.string().max(300),
    stage: stageArn.optional(),
    around: time.optional(),
  })
  .strict();

/**
 * Validates a trace lookup. The request id is checked strictly (it goes
 * into a CloudWatch filter pattern), and the entity is required: the
 * permission to read logs is granted per entity.
 */
export function parseTraceQuery(
  requestId: string,
  query: unknown,
): { entity: CompoundEntityRef; trace: TraceQuery } {
  if (!isValidRequestId(requestId)) {
    throw new InputError(
      `Invalid request id ${JSON.stringify(
        String(requestId).slice(0, 80),
      )}: an API Gateway request id is a UUID (e.g. 3323ffe5-6ddf-45c8-896a-b45ec2284cc0) or an extended request id (e.g. Vts2FFmArPEFh8g=).`,
    );
  }
  const q = parseInput(traceSchema, query, 'trace query');
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
      )} is not an entity reference (e.g. api:default/payments-api).`,
    );
  }
  return {
    entity: {
      kind: entity.kind.toLocaleLowerCase('en-US'),
      namespace: entity.namespace.toLocaleLowerCase('en-US'),
      name: entity.name,
    },
    trace: {
      requestId,
      ...(q.stage ? { stageArn: q.stage } : {}),
      ...(q.around !== undefined ? { around: q.around } : {}),
    },
  };
}
