import {
  CHECK_STATUSES,
  CheckStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';

const ref = z.string().trim().min(1).max(253);

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
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();
