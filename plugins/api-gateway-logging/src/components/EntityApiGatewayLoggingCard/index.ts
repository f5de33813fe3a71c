export { EntityApiGatewayLoggingCard } from './EntityApiGatewayLoggingCard';
