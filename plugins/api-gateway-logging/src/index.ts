/**
 * Frontend plugin for API Gateway logging: an entity tab with the API's
 * logging compliance, recent failures and request traces, an overview card,
 * and a page with the coverage across the catalog and a trace finder.
 *
 * @packageDocumentation
 */

export {
  apiGatewayLoggingPlugin,
  ApiGatewayLoggingPage,
  EntityApiGatewayLoggingCard,
  EntityApiGatewayLoggingContent,
} from './plugin';
export { isApiGatewayLoggingAvailable } from './isApiGatewayLoggingAvailable';
export {
  apiGatewayLoggingApiRef,
  type ApiGatewayLoggingApi,
  type FailuresQuery,
  type TraceQuery,
  type UnclaimedQuery,
  type StageHistoryQuery,
  type CoverageHistoryQuery,
} from './api/ApiGatewayLoggingApi';
export { ApiGatewayLoggingClient } from './api/ApiGatewayLoggingClient';
