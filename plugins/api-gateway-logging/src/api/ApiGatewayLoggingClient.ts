import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChecksResponse,
  CoverageFilters,
  CoverageResponse,
  EntityAuditResponse,
  EntityStagesResponse,
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  ApiGatewayLoggingApi,
  FailuresQuery,
  TraceQuery,
} from './ApiGatewayLoggingApi';

type QueryValue = string | number | undefined;

/** Calls the api-gateway-logging backend through discovery and fetch. @public */
export class ApiGatewayLoggingClient implements ApiGatewayLoggingApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityStages(entity: CompoundEntityRef): Promise<EntityStagesResponse> {
    return this.getJson(`${entityPath(entity)}/stages`);
  }

  getChecks(): Promise<ChecksResponse> {
    return this.getJson('/checks');
  }

  getEntityAudit(entity: CompoundEntityRef): Promise<EntityAuditResponse> {
    return this.getJson(`${entityPath(entity)}/audit`);
  }

  getCoverage(filters: CoverageFilters = {}): Promise<CoverageResponse> {
    return this.getJson(`/audit${queryString({ ...filters })}`);
  }

  async getCoverageCsv(filters: CoverageFilters = {}): Promise<Blob> {
    const response = await this.fetch(
      `/audit${queryString({ ...filters, format: 'csv' })}`,
    );
    return response.blob();
  }

  getFailures(
    entity: CompoundEntityRef,
    query: FailuresQuery = {},
  ): Promise<FailuresResponse> {
    return this.getJson(
      `${entityPath(entity)}/failures${queryString({ ...query })}`,
    );
  }

  getTrace(query: TraceQuery): Promise<TraceResponse> {
    const { requestId, entityRef, stage, around } = query;
    return this.getJson(
      `/traces/${encodeURIComponent(requestId)}${queryString({
        entity: entityRef,
        stage,
        around,
      })}`,
    );
  }

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.fetch(path);
    return (await response.json()) as T;
  }

  private async fetch(path: string): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('api-gateway-logging');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** `/entities/:namespace/:kind/:name`, each segment encoded. */
export function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** `?a=1&b=2` without the undefined or empty values; '' when none is left. */
function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
