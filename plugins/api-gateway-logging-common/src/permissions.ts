import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read a catalog entity's execution-log failures and request traces. A
 * resource permission on the entity, because execution logs carry request
 * payloads: policies can allow it for the entity's owners only.
 *
 * @public
 */
export const apiGatewayLoggingTracesReadPermission = createPermission({
  name: 'api-gateway-logging.traces.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Read the logging audit (one entity's, or the coverage across the catalog).
 *
 * @public
 */
export const apiGatewayLoggingAuditReadPermission = createPermission({
  name: 'api-gateway-logging.audit.read',
  attributes: { action: 'read' },
});

/**
 * Re-check an entity's stages now (AWS calls at the account's rate limit).
 * A resource permission on the entity, so a policy can grant it to the
 * entity's owners.
 *
 * @public
 */
export const apiGatewayLoggingAuditRefreshPermission = createPermission({
  name: 'api-gateway-logging.audit.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Start a sweep of the whole estate now (every configured account and
 * region), instead of waiting for the schedule.
 *
 * @public
 */
export const apiGatewayLoggingSweepRunPermission = createPermission({
  name: 'api-gateway-logging.sweep.run',
  attributes: { action: 'update' },
});

/** All permissions of the plugin, for the permission integration router. @public */
export const apiGatewayLoggingPermissions = [
  apiGatewayLoggingTracesReadPermission,
  apiGatewayLoggingAuditReadPermission,
  apiGatewayLoggingAuditRefreshPermission,
  apiGatewayLoggingSweepRunPermission,
];
