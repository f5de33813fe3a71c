import { ApiType } from '@apigw-logging/plugin-api-gateway-logging-common';
import { AccountSettings, StageConfig } from '../../audit/types';
import { AwsTarget } from '../aws/types';

/** An API as the listings describe it. */
export interface ApiInfo {
  apiId: string;
  apiType: ApiType;
  name?: string;
  tags: Record<string, string>;
}

/**
 * Reads API Gateway configuration (control plane, REST and HTTP/WebSocket)
 * in one account and region. Every method is one AWS call or one paginated
 * listing; failures are {@link AwsReadError}s.
 */
export interface ApiGatewayReader {
  /** `GetAccount`: the region's CloudWatch Logs role. */
  getAccountSettings(target: AwsTarget): Promise<AccountSettings>;
  /** `GetStages` of a REST API: every stage in one call. */
  getRestStages(target: AwsTarget, apiId: string): Promise<StageConfig[]>;
  /** `GetStages` of an HTTP or WebSocket API: every stage in one call. */
  getV2Stages(target: AwsTarget, api: ApiInfo): Promise<StageConfig[]>;
  /** `GetRestApis`, every page. */
  listRestApis(target: AwsTarget): Promise<ApiInfo[]>;
  /** `GetApis`, every page. */
  listV2Apis(target: AwsTarget): Promise<ApiInfo[]>;
}
