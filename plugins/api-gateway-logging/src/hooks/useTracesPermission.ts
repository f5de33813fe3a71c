import { usePermission } from '@backstage/plugin-permission-react';
import { apiGatewayLoggingTracesReadPermission } from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * Whether the viewer may read an entity's failures and traces (a resource
 * permission: policies may grant it to the entity's owners only).
 */
export function useTracesPermission(entityRef: string) {
  return usePermission({
    permission: apiGatewayLoggingTracesReadPermission,
    resourceRef: entityRef,
  });
}
