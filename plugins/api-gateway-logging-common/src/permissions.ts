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

/** All permissions of the plugin, for the permission integration router. @public */
export const apiGatewayLoggingPermissions = [
  apiGatewayLoggingTracesReadPermission,
  apiGatewayLoggingAuditReadPermission,
];
