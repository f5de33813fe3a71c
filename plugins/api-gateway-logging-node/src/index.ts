/**
 * Extension points, the shared AWS access service and the types modules of
 * the api-gateway-logging backend plugin build on: add or replace audit
 * checks, decide the policy per stage, add log sources.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './model/audit';
export * from './model/logs';
export * from './model/policy';
export * from './model/stage';
export * from './aws/target';
export * from './aws/errors';
export * from './aws/RateLimiter';
export * from './aws/AwsCaller';
export * from './aws/AwsClients';
export * from './aws/awsAccessConfig';
export * from './aws/awsAccessService';
