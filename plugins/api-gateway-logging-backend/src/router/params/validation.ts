import { InputError } from '@backstage/errors';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

function describeIssue(issue: z.ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')} ` : '';
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    return `unknown parameter${
      issue.keys.length > 1 ? 's' : ''
    } ${issue.keys.join(', ')}`;
  }
  if (issue.code === z.ZodIssueCode.invalid_type) {
    if (issue.received === 'array')
      return `${where}is given more than once; give it once`;
    if (issue.received === 'undefined') return `${where}is required`;
    if (issue.received === 'object') return `${where}must be a plain value`;
  }
  return `${where}${issue.message}`.trim();
}

/**
 * Parses request input with a zod schema, turning a mismatch into a 400 that
 * names each offending field, why, and (for unknown ones) what is accepted.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue).join('; ');
    const shape =
      schema instanceof z.ZodObject
        ? ` Accepted: ${Object.keys(schema.shape).join(', ') || 'none'}.`
        : '';
    throw new InputError(`Invalid ${what}: ${problems}.${shape}`);
  }
  return result.data;
}

// The catalog's own limits (catalog-model's default validators), so a
// malformed reference is refused before the catalog is asked.
const entityRefParams = z.object({
  namespace: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i, 'is not a catalog namespace')
    .max(63),
  kind: z
    .string()
    .regex(/^[a-zA-Z][a-z0-9A-Z]*$/, 'is not a catalog kind')
    .max(63),
  name: z
    .string()
    .regex(
      /^[a-z0-9A-Z]+(?:[-_.][a-z0-9A-Z]+)*$/,
      'is not a catalog entity name',
    )
    .max(63),
});

/** The entity reference in `/entities/:namespace/:kind/:name/...`. */
export function parseEntityRefParams(params: unknown): CompoundEntityRef {
  const { namespace, kind, name } = parseInput(
    entityRefParams,
    params,
    'entity reference in the URL',
  );
  return {
    namespace: namespace.toLocaleLowerCase('en-US'),
    kind: kind.toLocaleLowerCase('en-US'),
    name,
  };
}
