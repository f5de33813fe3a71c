import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ChecksResponse,
  CoverageFilters,
  CoverageResponse,
  EntityAuditResponse,
  EntityStagesResponse,
  FailureCategory,
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * What to list in {@link ApiGatewayLoggingApi.getFailures}. `from` and `to`
 * are epoch ms; the backend defaults to the last hour and caps the window at
 * 24 hours. `cursor` is the previous page's `nextCursor` (it pins the window).
 *
 * @public
 */
export interface FailuresQuery {
  from?: number;
  to?: number;
  category?: FailureCategory;
  /** A stage ARN of the entity. */
  stage?: string;
  cursor?: string;
  /** Items per page, at most 100. */
  limit?: number;
}

/**
 * Which request to trace in {@link ApiGatewayLoggingApi.getTrace}.
 *
 * @public
 */
export interface TraceQuery {
  requestId: string;
  /** The entity whose stages are searched, e.g. `api:default/payments-api`. */
  entityRef: string;
  /** Restrict the search to one stage ARN of the entity. */
  stage?: string;
  /** A time near the request (epoch ms), which narrows the search window. */
  around?: number;
}

/** The api-gateway-logging backend, as the frontend sees it. @public */
export interface ApiGatewayLoggingApi {
  /** The stages an entity's annotations name (no AWS call). */
  getEntityStages(entity: CompoundEntityRef): Promise<EntityStagesResponse>;
  /** Every check the audit runs (built-in and modules'), in display order. */
  getChecks(): Promise<ChecksResponse>;
  /** The logging audit of every stage of an entity. */
  getEntityAudit(entity: CompoundEntityRef): Promise<EntityAuditResponse>;
  /** The logging coverage across the catalog. */
  getCoverage(filters?: CoverageFilters): Promise<CoverageResponse>;
  /** The same coverage report as CSV, for a download. */
  getCoverageCsv(filters?: CoverageFilters): Promise<Blob>;
  /** One page of an entity's failed requests in a time window. */
  getFailures(
    entity: CompoundEntityRef,
    query?: FailuresQuery,
  ): Promise<FailuresResponse>;
  /** The execution-log trace and access-log record of one request. */
  getTrace(query: TraceQuery): Promise<TraceResponse>;
}

/** @public */
export const apiGatewayLoggingApiRef = createApiRef<ApiGatewayLoggingApi>({
  id: 'plugin.api-gateway-logging.service',
});
