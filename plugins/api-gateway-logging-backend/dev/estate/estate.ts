import type { Scenario } from './scenarios';

/*
 * The local AWS estate `yarn dev` seeds into the emulator: APIs over two
 * accounts and two regions, configured so that every audit check both
 * passes somewhere and fails somewhere. Ids are deterministic so that the
 * catalog entities in examples/ can name them.
 */

/** The default account of the emulator (moto's), reached with static keys. */
export const MAIN_ACCOUNT = '123456789012';
/** A second account, reached by assuming a role (as in a real organization). */
export const SECOND_ACCOUNT = '222222222222';
/** An account the backend has no credentials for: its stage cannot be read. */
export const UNREADABLE_ACCOUNT = '333333333333';
/** The role the backend assumes in the second account. */
export const ROLE_NAME = 'BackstageApiGatewayLogging';

export type LoggingLevel = 'OFF' | 'ERROR' | 'INFO';

export type AccessLogFormat =
  | 'json'
  | 'json-without-request-id'
  | 'clf-without-request-id';

export interface EstateStage {
  name: string;
  /** The `*\/*` level (REST) or default route level (WebSocket). */
  loggingLevel?: LoggingLevel;
  /** REST per-method overrides, keyed as API Gateway keys them (`items~1{id}/DELETE`). */
  methodOverrides?: Record<string, LoggingLevel>;
  dataTrace?: boolean;
  metrics?: boolean;
  xray?: boolean;
  accessLog?: AccessLogFormat;
  /** Retention of the stage's log groups (undefined: never expire). */
  retentionDays?: number;
  kms?: boolean;
  /** Its log groups have a subscription filter to the central store (the log-shipping module's check). */
  shipped?: boolean;
  tags?: Record<string, string>;
  /** Requests per minute of generated traffic (0: none). */
  requestsPerMinute: number;
}

export interface EstateApi {
  name: string;
  type: 'REST' | 'HTTP' | 'WEBSOCKET';
  accountId: string;
  region: string;
  /** REST: the id asked of the emulator. v2: the id the seed below yields. */
  id: string;
  /** v2 only: the emulator's random seed that yields `id`. */
  idSeed?: number;
  methods: Array<{ httpMethod: string; resource: string; resourceId: string }>;
  functionName: string;
  authorizerId?: string;
  usagePlanId?: string;
  apiKeyTail?: string;
  stages: EstateStage[];
}

/** Per account, the regions whose API Gateway account has a CloudWatch role. */
export const CLOUDWATCH_ROLE_REGIONS: Record<string, string[]> = {
  [MAIN_ACCOUNT]: ['us-east-1', 'eu-west-1'],
  // eu-west-1 of the second account has none: its stages log nothing.
  [SECOND_ACCOUNT]: ['us-east-1'],
  [UNREADABLE_ACCOUNT]: ['us-east-1'],
};

/** How often each outcome happens in generated traffic. */
export const SCENARIO_WEIGHTS: Record<Scenario, number> = {
  success: 955,
  'authorizer-denied': 9,
  'authorizer-error': 3,
  'key-throttled': 8,
  'quota-exceeded': 4,
  'missing-api-key': 5,
  'integration-timeout': 5,
  'malformed-proxy-response': 5,
  'lambda-throttled': 3,
  'lambda-function-error': 3,
};

export const ESTATE: EstateApi[] = [
  {
    name: 'payments',
    type: 'REST',
    accountId: MAIN_ACCOUNT,
    region: 'us-east-1',
    id: 'paymentsv1',
    methods: [
      { httpMethod: 'POST', resource: '/payments', resourceId: 'p4y001' },
      { httpMethod: 'GET', resource: '/payments/{id}', resourceId: 'p4y002' },
      { httpMethod: 'POST', resource: '/refunds', resourceId: 'p4y003' },
    ],
    functionName: 'payments-handler',
    authorizerId: 'pa7h01',
    usagePlanId: 'up9k2x',
    apiKeyTail: 'FGQes7',
    stages: [
      // Fully compliant.
      {
        name: 'prod',
        loggingLevel: 'INFO',
        dataTrace: false,
        metrics: true,
        xray: true,
        accessLog: 'json',
        retentionDays: 400,
        kms: true,
        shipped: true,
        tags: { service: 'payments', environment: 'production' },
        requestsPerMinute: 12,
      },
      // Execution logging off, short retention.
      {
        name: 'staging',
        loggingLevel: 'OFF',
        metrics: false,
        accessLog: 'json',
        retentionDays: 30,
        kms: true,
        tags: { service: 'payments', environment: 'staging' },
        requestsPerMinute: 0,
      },
    ],
  },
  {
    name: 'inventory',
    type: 'REST',
    accountId: MAIN_ACCOUNT,
    region: 'eu-west-1',
    id: 'inventory1',
    methods: [
      { httpMethod: 'GET', resource: '/items', resourceId: 'inv001' },
      { httpMethod: 'DELETE', resource: '/items/{id}', resourceId: 'inv002' },
    ],
    functionName: 'inventory-handler',
    stages: [
      // ERROR at */* with DELETE /items/{id} overridden to OFF; log groups
      // that never expire but are not encrypted with KMS.
      {
        name: 'prod',
        loggingLevel: 'ERROR',
        methodOverrides: { 'items~1{id}/DELETE': 'OFF' },
        metrics: true,
        accessLog: 'json',
        kms: false,
        tags: { service: 'inventory', environment: 'production' },
        requestsPerMinute: 8,
      },
    ],
  },
  {
    name: 'catalog',
    type: 'REST',
    accountId: SECOND_ACCOUNT,
    region: 'us-east-1',
    id: 'catalogv01',
    methods: [
      { httpMethod: 'GET', resource: '/products', resourceId: 'cat001' },
      { httpMethod: 'GET', resource: '/products/{id}', resourceId: 'cat002' },
    ],
    functionName: 'catalog-search',
    usagePlanId: 'upc4t1',
    apiKeyTail: 'bMZHBg',
    stages: [
      // Full request/response data tracing on in production; no X-Ray.
      {
        name: 'prod',
        loggingLevel: 'INFO',
        dataTrace: true,
        metrics: true,
        xray: false,
        accessLog: 'json',
        retentionDays: 365,
        kms: true,
        tags: { service: 'catalog', environment: 'production' },
        requestsPerMinute: 10,
      },
    ],
  },
  {
    name: 'orders',
    type: 'HTTP',
    accountId: MAIN_ACCOUNT,
    region: 'us-east-1',
    id: 'sgrlobvq',
    idSeed: 101,
    methods: [
      { httpMethod: 'POST', resource: '/orders', resourceId: '' },
      { httpMethod: 'GET', resource: '/orders/{id}', resourceId: '' },
    ],
    functionName: 'orders-handler',
    stages: [
      // An access-log format without $context.requestId.
      {
        name: '$default',
        metrics: true,
        accessLog: 'clf-without-request-id',
        retentionDays: 365,
        kms: true,
        tags: { service: 'orders' },
        requestsPerMinute: 6,
      },
    ],
  },
  {
    name: 'search',
    type: 'HTTP',
    accountId: SECOND_ACCOUNT,
    region: 'us-east-1',
    id: 'evtlfrwv',
    idSeed: 102,
    methods: [{ httpMethod: 'GET', resource: '/search', resourceId: '' }],
    functionName: 'search-handler',
    stages: [
      // A compliant HTTP API: JSON access logs, metrics, retention, KMS.
      {
        name: 'live',
        metrics: true,
        accessLog: 'json',
        retentionDays: 731,
        kms: true,
        shipped: true,
        tags: { service: 'search' },
        requestsPerMinute: 6,
      },
    ],
  },
  {
    name: 'notifications',
    type: 'WEBSOCKET',
    accountId: SECOND_ACCOUNT,
    region: 'eu-west-1',
    id: 'woxwxgwc',
    idSeed: 103,
    methods: [
      { httpMethod: 'POST', resource: '/@connections', resourceId: '' },
    ],
    functionName: 'notifications-router',
    stages: [
      // No access logs, no detailed metrics, and no CloudWatch role in this
      // account's region: nothing is logged at all.
      {
        name: 'production',
        loggingLevel: 'INFO',
        dataTrace: false,
        metrics: false,
        retentionDays: 90,
        kms: false,
        tags: { service: 'notifications' },
        requestsPerMinute: 0,
      },
    ],
  },
  {
    name: 'partner',
    type: 'REST',
    accountId: UNREADABLE_ACCOUNT,
    region: 'us-east-1',
    id: 'partnerapi',
    methods: [
      { httpMethod: 'GET', resource: '/partners', resourceId: 'prt001' },
    ],
    functionName: 'partner-handler',
    stages: [
      {
        name: 'prod',
        loggingLevel: 'INFO',
        metrics: true,
        accessLog: 'json',
        retentionDays: 365,
        kms: true,
        requestsPerMinute: 0,
      },
    ],
  },
];

/** The default execution log group of a stage. */
export function executionLogGroupName(apiId: string, stage: string): string {
  return `API-Gateway-Execution-Logs_${apiId}/${stage}`;
}

/** The access log group the estate gives a stage. */
export function accessLogGroupName(api: EstateApi, stage: string): string {
  return `/aws/apigateway/access-logs/${api.name}/${stage.replace('$', '')}`;
}
