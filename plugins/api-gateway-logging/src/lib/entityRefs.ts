import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** `team-a` from `group:default/team-a`; other namespaces kept. */
export function shortRef(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}

const DEFAULTS = { defaultKind: 'api', defaultNamespace: 'default' };

/**
 * An entity as named in a trace link: `payments-api` for an API of the
 * default namespace, `component:orders-service` for another kind, the full
 * ref otherwise. The backend reads it with the same defaults.
 */
export function shortEntityRef(ref: string | CompoundEntityRef): string {
  const entity = typeof ref === 'string' ? parseEntityRef(ref, DEFAULTS) : ref;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (entity.namespace.toLocaleLowerCase('en-US') !== 'default') {
    return stringifyEntityRef(entity);
  }
  return kind === 'api' ? entity.name : `${kind}:${entity.name}`;
}

/** An entity named in a link (short or full), as a full ref; undefined if invalid. */
export function fullEntityRef(value: string): string | undefined {
  try {
    const entity = parseEntityRef(value, DEFAULTS);
    return stringifyEntityRef({
      kind: entity.kind.toLocaleLowerCase('en-US'),
      namespace: entity.namespace.toLocaleLowerCase('en-US'),
      name: entity.name,
    });
  } catch {
    return undefined;
  }
}
