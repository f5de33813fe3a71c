/**
 * Backend plugin for API Gateway logging: audits stage logging configuration
 * and serves parsed execution-log traces.
 *
 * @packageDocumentation
 */

export { apiGatewayLoggingPlugin as default } from './plugin';
