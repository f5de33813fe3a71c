import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Re-check an entity's stages now, or start a sweep of the estate. The
 * backend refuses both (403) without it; the frontend asks first, to
 * disable the buttons with the reason instead of failing on click.
 *
 * Declared here until the common package exports it: the name is the
 * contract with the backend.
 */
export const auditRefreshPermission = createPermission({
  name: 'api-gateway-logging.audit.refresh',
  attributes: { action: 'update' },
});
