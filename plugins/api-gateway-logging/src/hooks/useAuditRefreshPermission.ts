import { usePermission } from '@backstage/plugin-permission-react';
import { auditRefreshPermission } from '../permissions';

/** Whether the viewer may re-check stages now and start sweeps. */
export function useAuditRefreshPermission() {
  return usePermission({ permission: auditRefreshPermission });
}
