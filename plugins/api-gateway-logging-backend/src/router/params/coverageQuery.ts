import {
  CHECK_STATUSES,
  CheckStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';

const ref = z.string().trim().min(1).max(253);

/** Entities per page of the coverage report, at most. */
export const MAX_COVERAGE_PAGE = 200;

/** `GET /audit` query parameters; `check` is checked against the registered checks by the route. */
export const coverageQuery = z
  .object({
    owner: ref.optional(),
    system: ref.optional(),
    check: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a check id')
      .optional(),
    status: z
      .enum(CHECK_STATUSES as [CheckStatus, ...CheckStatus[]])
      .optional(),
    search: z.string().trim().min(1).max(200).optional(),
    sort: z
      .enum(['name', 'owner', 'failing', 'coverage', 'checked'])
      .optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: z
      .string()
      .regex(/^\d{1,7}$/, 'is not a whole number')
      .transform(Number)
      .optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'is not a whole number')
      .transform(Number)
      .refine(n => n >= 1 && n <= MAX_COVERAGE_PAGE, {
        message: `must be between 1 and ${MAX_COVERAGE_PAGE}`,
      })
      .optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();
