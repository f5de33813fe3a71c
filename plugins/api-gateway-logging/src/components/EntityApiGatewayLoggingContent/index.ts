export { EntityApiGatewayLoggingContent } from './EntityApiGatewayLoggingContent';
