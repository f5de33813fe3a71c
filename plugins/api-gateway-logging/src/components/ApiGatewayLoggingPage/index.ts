export { ApiGatewayLoggingPage } from './ApiGatewayLoggingPage';
