import {
  AnnotationError,
  parseStageArn,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { z } from 'zod';
import { StageSelector } from '../../services/logs/LogLocator';

// A stage name as API Gateway allows it (`prod`, `$default`), optionally
// after its API id (`a1b2c3d4e5/prod`) when the entity has two of a name.
const STAGE_NAME = /^(?:[A-Za-z0-9]{1,32}\/)?[A-Za-z0-9_$-]{1,128}$/;

/** `stage=`: a stage ARN, or a stage name as a person writes it in a link. */
export const stageSelectorParam = z
  .string()
  .max(300, 'is too long for a stage')
  .transform((value, ctx): StageSelector => {
    if (value.startsWith('arn:')) {
      try {
        return { arn: parseStageArn(value).arn };
      } catch (error) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message:
            error instanceof AnnotationError
              ? 'is not an API Gateway stage ARN (arn:aws:apigateway:{region}::/restapis/{apiId}/stages/{stage})'
              : 'is not a stage',
        });
        return z.NEVER;
      }
    }
    if (!STAGE_NAME.test(value)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'is neither a stage name (e.g. prod) nor a stage ARN (arn:aws:apigateway:{region}::/restapis/{apiId}/stages/{stage})',
      });
      return z.NEVER;
    }
    return { name: value };
  });
