import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChecksResponse,
  CoverageHistoryResponse,
  CoverageQuery,
  CoverageResponse,
  EntityAuditResponse,
  EntityHistoryResponse,
  EntityStagesResponse,
  FailuresResponse,
  KeepTraceRequest,
  StageHistoryResponse,
  SweepStatus,
  TraceResponse,
  UnclaimedResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  ApiGatewayLoggingApi,
  CoverageHistoryQuery,
  FailuresQuery,
  StageHistoryQuery,
  TraceQuery,
  UnclaimedQuery,
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

  refreshEntityAudit(entity: CompoundEntityRef): Promise<EntityAuditResponse> {
    return this.send('POST', `${entityPath(entity)}/audit/refresh`);
  }

  getCoverage(query: CoverageQuery = {}): Promise<CoverageResponse> {
    return this.getJson(`/audit${queryString({ ...query })}`);
  }

  async getCoverageCsv(query: CoverageQuery = {}): Promise<Blob> {
    // The CSV is every matching entity: no page.
    const { offset: _offset, limit: _limit, ...rest } = query;
    const response = await this.fetch(
      `/audit${queryString({ ...rest, format: 'csv' })}`,
    );
    return response.blob();
  }

  getUnclaimed(query: UnclaimedQuery = {}): Promise<UnclaimedResponse> {
    return this.getJson(`/unclaimed${queryString({ ...query })}`);
  }

  getStageHistory(query: StageHistoryQuery): Promise<StageHistoryResponse> {
    return this.getJson(`/history/stages${queryString({ ...query })}`);
  }

  getEntityHistory(
    entity: CompoundEntityRef,
    options: { days?: number } = {},
  ): Promise<EntityHistoryResponse> {
    return this.getJson(
      `${entityPath(entity)}/history${queryString({ days: options.days })}`,
    );
  }

  getCoverageHistory(
    query: CoverageHistoryQuery = {},
  ): Promise<CoverageHistoryResponse> {
    return this.getJson(`/history/coverage${queryString({ ...query })}`);
  }

  getLatestSweep(): Promise<SweepStatus> {
    return this.getJson('/sweeps/latest');
  }

  startSweep(): Promise<SweepStatus> {
    return this.send('POST', '/sweeps');
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

  keepTrace(
    requestId: string,
    request: KeepTraceRequest,
  ): Promise<TraceResponse> {
    return this.send(
      'POST',
      `/traces/${encodeURIComponent(requestId)}/keep`,
      request,
    );
  }

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.fetch(path);
    return (await response.json()) as T;
  }

  private async send<T>(
    method: 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.fetch(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    return (await response.json()) as T;
  }

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('api-gateway-logging');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
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
