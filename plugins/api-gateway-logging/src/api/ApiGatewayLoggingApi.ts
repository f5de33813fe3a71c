import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ChecksResponse,
  CoverageHistoryResponse,
  CoverageQuery,
  CoverageResponse,
  EntityAuditResponse,
  EntityHistoryResponse,
  EntityStagesResponse,
  FailureCategory,
  FailuresResponse,
  KeepTraceRequest,
  StageHistoryResponse,
  StageStatus,
  SweepStatus,
  TraceResponse,
  UnclaimedResponse,
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

/**
 * Which unclaimed stages to list in {@link ApiGatewayLoggingApi.getUnclaimed}.
 *
 * @public
 */
export interface UnclaimedQuery {
  /** Stages whose name, API name, API id or ARN contains this. */
  search?: string;
  status?: StageStatus;
  offset?: number;
  /** Stages per page, at most 200. */
  limit?: number;
}

/**
 * Which stage's timeline {@link ApiGatewayLoggingApi.getStageHistory} reads.
 *
 * @public
 */
export interface StageHistoryQuery {
  /** The stage's ARN as AWS writes it. */
  stage: string;
  /** 12 digits; the backend's default account when absent. */
  account?: string;
}

/**
 * Whose coverage over time {@link ApiGatewayLoggingApi.getCoverageHistory}
 * reads: the fleet, or one owner or system.
 *
 * @public
 */
export interface CoverageHistoryQuery {
  owner?: string;
  system?: string;
  /** Days back from today (the backend's default is 30). */
  days?: number;
}

/** The api-gateway-logging backend, as the frontend sees it. @public */
export interface ApiGatewayLoggingApi {
  /** The stages an entity's annotations name (no AWS call). */
  getEntityStages(entity: CompoundEntityRef): Promise<EntityStagesResponse>;
  /** Every check the audit runs (built-in and modules'), in display order. */
  getChecks(): Promise<ChecksResponse>;
  /** The logging audit of every stage of an entity. */
  getEntityAudit(entity: CompoundEntityRef): Promise<EntityAuditResponse>;
  /**
   * Audits an entity's stages live now ("Re-check now"), stores and returns
   * the result. Needs `api-gateway-logging.audit.refresh`.
   */
  refreshEntityAudit(entity: CompoundEntityRef): Promise<EntityAuditResponse>;
  /** One page of the logging coverage across the catalog, with totals. */
  getCoverage(query?: CoverageQuery): Promise<CoverageResponse>;
  /** Every entity matching the query (not one page), as CSV. */
  getCoverageCsv(query?: CoverageQuery): Promise<Blob>;
  /** One page of the stages of the swept accounts no entity claims. */
  getUnclaimed(query?: UnclaimedQuery): Promise<UnclaimedResponse>;
  /** One stage's changes over time, newest first. */
  getStageHistory(query: StageHistoryQuery): Promise<StageHistoryResponse>;
  /** An entity's stages' timelines and its coverage per day. */
  getEntityHistory(
    entity: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<EntityHistoryResponse>;
  /** Coverage per day, of the fleet or of one owner or system. */
  getCoverageHistory(
    query?: CoverageHistoryQuery,
  ): Promise<CoverageHistoryResponse>;
  /** The sweep running now, if any, and the last one that finished. */
  getLatestSweep(): Promise<SweepStatus>;
  /** Starts a sweep of the estate. Needs `api-gateway-logging.audit.refresh`. */
  startSweep(): Promise<SweepStatus>;
  /** One page of an entity's failed requests in a time window. */
  getFailures(
    entity: CompoundEntityRef,
    query?: FailuresQuery,
  ): Promise<FailuresResponse>;
  /** The execution-log trace and access-log record of one request. */
  getTrace(query: TraceQuery): Promise<TraceResponse>;
  /**
   * Keeps a trace past log retention (for an incident ticket); answers the
   * trace with who kept it and when.
   */
  keepTrace(
    requestId: string,
    request: KeepTraceRequest,
  ): Promise<TraceResponse>;
}

/** @public */
export const apiGatewayLoggingApiRef = createApiRef<ApiGatewayLoggingApi>({
  id: 'plugin.api-gateway-logging.service',
});
