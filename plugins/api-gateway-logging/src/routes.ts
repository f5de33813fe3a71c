import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'api-gateway-logging:entity-content',
});
