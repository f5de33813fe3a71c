/**
 * Frontend plugin for API Gateway logging: an entity tab with the API's
 * logging compliance, recent failures and request traces.
 *
 * @packageDocumentation
 */

export {
  apiGatewayLoggingPlugin,
  EntityApiGatewayLoggingContent,
} from './plugin';
export { isApiGatewayLoggingAvailable } from './isApiGatewayLoggingAvailable';
export {
  apiGatewayLoggingApiRef,
  type ApiGatewayLoggingApi,
} from './api/ApiGatewayLoggingApi';
export { ApiGatewayLoggingClient } from './api/ApiGatewayLoggingClient';
