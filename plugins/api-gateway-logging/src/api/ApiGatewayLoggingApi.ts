import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityStagesResponse } from '@internal/plugin-api-gateway-logging-common';

/** The api-gateway-logging backend, as the frontend sees it. @public */
export interface ApiGatewayLoggingApi {
  /** The stages an entity's annotations name (no AWS call). */
  getEntityStages(entity: CompoundEntityRef): Promise<EntityStagesResponse>;
}

/** @public */
export const apiGatewayLoggingApiRef = createApiRef<ApiGatewayLoggingApi>({
  id: 'plugin.api-gateway-logging.service',
});
