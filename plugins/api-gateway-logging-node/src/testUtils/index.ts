/**
 * Test helpers for the api-gateway-logging plugin and its modules: a real
 * AWS-compatible server (moto) on a free loopback port, and a seeder of
 * API Gateway and CloudWatch Logs resources in it.
 *
 * @packageDocumentation
 */

export * from './moto';
export * from './MotoSeeder';
export * from './awsBehaviour';
export * from './postgres';
