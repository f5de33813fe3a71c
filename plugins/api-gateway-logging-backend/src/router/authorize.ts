import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  apiGatewayLoggingAuditReadPermission,
  apiGatewayLoggingTracesReadPermission,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** Throws NotAllowedError (403) unless the caller may read audits. */
export async function requireAuditRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: apiGatewayLoggingAuditReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not read API Gateway logging audits (permission ${apiGatewayLoggingAuditReadPermission.name}). Ask the Backstage administrators for access.`,
    );
  }
}

/**
 * Throws NotAllowedError (403) unless the caller may read this entity's
 * execution logs: a resource permission, so a policy can grant it to the
 * entity's owners only (logs carry request payloads).
 */
export async function requireTracesRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [
      {
        permission: apiGatewayLoggingTracesReadPermission,
        resourceRef: entityRef,
      },
    ],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not read the execution logs of ${entityRef} (permission ${apiGatewayLoggingTracesReadPermission.name}). Ask its owners or the Backstage administrators for access.`,
    );
  }
}
