import {
  AnnotationError,
  parseStageArn,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';

/*
 * Query parameters of the stored audit's routes: stage timelines, coverage
 * over time, unclaimed stages, kept traces. Each says what it accepts.
 */

const ref = z.string().trim().min(1).max(253);

function wholeNumber(name: string, min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,7}$/, 'is not a whole number')
    .transform(Number)
    .refine(n => n >= min && n <= max, {
      message: `must be between ${min} and ${max} ${name}`,
    });
}

/** Days of coverage history at most (the default retention is 400). */
export const MAX_HISTORY_DAYS = 400;
const days = wholeNumber('days', 1, MAX_HISTORY_DAYS).optional();

const stageArn = z
  .string()
  .max(300, 'is too long for a stage ARN')
  .transform((value, ctx) => {
    try {
      return parseStageArn(value).arn;
    } catch (error) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          error instanceof AnnotationError
            ? 'is not an API Gateway stage ARN (arn:aws:apigateway:{region}::/restapis/{apiId}/stages/{stage})'
            : 'is not a stage ARN',
      });
      return z.NEVER;
    }
  });

/** `GET /history/stages`. */
export const stageHistoryQuery = z
  .object({
    arn: stageArn,
    account: z
      .string()
      .regex(/^\d{12}$/, 'is not an AWS account id (12 digits)')
      .optional(),
    limit: wholeNumber('versions', 1, 200).optional(),
  })
  .strict();

/** `GET /entities/:namespace/:kind/:name/history`. */
export const entityHistoryQuery = z.object({ days }).strict();

/** `GET /history/coverage`: the fleet, or one owner's or system's entities. */
export const coverageHistoryQuery = z
  .object({ owner: ref.optional(), system: ref.optional(), days })
  .strict()
  .refine(q => !(q.owner && q.system), {
    message: 'give owner or system, not both',
  });

/** `GET /unclaimed`. */
export const unclaimedQuery = z
  .object({
    search: z.string().trim().min(1).max(200).optional(),
    status: z.enum(['pass', 'warn', 'fail', 'error', 'unreadable']).optional(),
    offset: wholeNumber('stages', 0, 9_999_999).optional(),
    limit: wholeNumber('stages', 1, 200).optional(),
  })
  .strict();

/** `POST /traces/:requestId/keep`: the trace's lookup, and the ticket it is kept for. */
export const keepTraceBody = z
  .object({
    entity: z.string(),
    stage: z.string().optional(),
    around: z.union([z.string(), z.number()]).transform(String).optional(),
    ticketUrl: z
      .string()
      .max(2000, 'is too long for a URL')
      .url('is not a URL')
      .refine(u => /^https?:\/\//i.test(u), {
        message: 'must be an http or https URL',
      })
      .optional(),
  })
  .strict();
