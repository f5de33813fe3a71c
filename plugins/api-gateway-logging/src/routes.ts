import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The entity tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'api-gateway-logging:entity-content',
});

/** The coverage page, `/api-gateway-logging` in a typical app. */
export const rootRouteRef = createRouteRef({
  id: 'api-gateway-logging:root',
});

/**
 * One request's trace, for links from tickets; the entity, stage and time go
 * in the query string (`?entity=&stage=&around=`).
 */
export const traceRouteRef = createSubRouteRef({
  id: 'api-gateway-logging:trace',
  parent: rootRouteRef,
  path: '/traces/:requestId',
});

/** The trace search form, for a request id without an entity. */
export const traceSearchRouteRef = createSubRouteRef({
  id: 'api-gateway-logging:trace-search',
  parent: rootRouteRef,
  path: '/traces',
});
