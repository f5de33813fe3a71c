import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityStagesResponse } from '@internal/plugin-api-gateway-logging-common';
import { ApiGatewayLoggingApi } from './ApiGatewayLoggingApi';

/** Calls the api-gateway-logging backend through discovery and fetch. @public */
export class ApiGatewayLoggingClient implements ApiGatewayLoggingApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityStages(entity: CompoundEntityRef): Promise<EntityStagesResponse> {
    return this.get(`${entityPath(entity)}/stages`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('api-gateway-logging');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `/entities/:namespace/:kind/:name`, each segment encoded. */
export function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}
