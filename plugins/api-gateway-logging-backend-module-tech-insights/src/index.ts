/**
 * A module of the community tech-insights backend: each API's API Gateway
 * logging facts (checks passing, share of stages passing, failed requests
 * of the last day) from the api-gateway-logging stored audit, for
 * scorecards.
 *
 * @packageDocumentation
 */

export { techInsightsModuleApiGatewayLogging as default } from './module';
export { API_GATEWAY_LOGGING_FACT_RETRIEVER_KEY } from './module';
export {
  createApiGatewayLoggingFactRetriever,
  API_GATEWAY_LOGGING_FACT_RETRIEVER_ID,
} from './factRetriever';
export type { ApiGatewayLoggingFactRetrieverOptions } from './factRetriever';
export { apiGatewayLoggingFactSchema } from './facts';
