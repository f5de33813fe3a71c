import { InputError } from '@backstage/errors';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/**
 * Parses request input with a zod schema, turning a mismatch into a 400 that
 * names each offending field and why.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .map(issue =>
        issue.path.length
          ? `${issue.path.join('.')}: ${issue.message}`
          : issue.message,
      )
      .join('; ');
    throw new InputError(`Invalid ${what}: ${problems}`);
  }
  return result.data;
}

// The catalog's own limits (catalog-model's default validators), so a
// malformed reference is refused before the catalog is asked.
const entityRefParams = z.object({
  namespace: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i, 'not a catalog namespace')
    .max(63),
  kind: z
    .string()
    .regex(/^[a-zA-Z][a-z0-9A-Z]*$/, 'not a catalog kind')
    .max(63),
  name: z
    .string()
    .regex(/^[a-z0-9A-Z]+(?:[-_.][a-z0-9A-Z]+)*$/, 'not a catalog entity name')
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
