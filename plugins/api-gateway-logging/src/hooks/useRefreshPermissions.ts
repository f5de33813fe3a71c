import { usePermission } from '@backstage/plugin-permission-react';
import {
  apiGatewayLoggingAuditRefreshPermission,
  apiGatewayLoggingSweepRunPermission,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** Whether the viewer may re-check this entity's stages now. */
export function useAuditRefreshPermission(entityRef: string) {
  return usePermission({
    permission: apiGatewayLoggingAuditRefreshPermission,
    resourceRef: entityRef,
  });
}

/** Whether the viewer may start a sweep of the estate. */
export function useSweepPermission() {
  return usePermission({ permission: apiGatewayLoggingSweepRunPermission });
}
