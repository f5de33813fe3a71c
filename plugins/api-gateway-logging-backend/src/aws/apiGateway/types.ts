import { ApiType } from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AccountSettings,
  AwsTarget,
  StageConfig,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/** An API as AWS describes it. */
export interface ApiInfo {
  apiId: string;
  apiType: ApiType;
  name?: string;
  tags: Record<string, string>;
}

/** A paged listing, and whether it was read to its end. */
export interface Listing<T> {
  items: T[];
  /** False when the page cap stopped the listing: more exist. */
  complete: boolean;
}

/**
 * Reads API Gateway configuration (control plane, REST and HTTP/WebSocket)
 * in one account and region. Every method is one AWS call or one paginated
 * listing; failures are `AwsReadError`s.
 */
export interface ApiGatewayReader {
  /** `GetAccount`: the region's CloudWatch Logs role. */
  getAccountSettings(target: AwsTarget): Promise<AccountSettings>;
  /** `GetStages` of a REST API: every stage in one call. */
  getRestStages(target: AwsTarget, apiId: string): Promise<StageConfig[]>;
  /** `GetApi` of an HTTP or WebSocket API (its type, name and tags). */
  getV2Api(target: AwsTarget, apiId: string): Promise<ApiInfo>;
  /** `GetStages` of an HTTP or WebSocket API, every page. */
  getV2Stages(target: AwsTarget, api: ApiInfo): Promise<StageConfig[]>;
  /** `GetRestApis`, every page up to a cap. */
  listRestApis(target: AwsTarget): Promise<Listing<ApiInfo>>;
  /** `GetApis`, every page up to a cap. */
  listV2Apis(target: AwsTarget): Promise<Listing<ApiInfo>>;
}
