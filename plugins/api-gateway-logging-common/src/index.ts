/**
 * Types, catalog annotations, permissions and the execution-log parser shared
 * by the api-gateway-logging frontend and backend plugins. Browser-safe: no
 * AWS SDK and no Node-only code.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './api';
export * from './audit';
export * from './permissions';
export * from './stageRef';
export * from './parser';
export * from './failures';
export * from './accessLog';
export * from './filterPatterns';
