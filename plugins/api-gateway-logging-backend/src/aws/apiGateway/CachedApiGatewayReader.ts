import {
  AccountSettings,
  AwsTarget,
  StageConfig,
  targetKey,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { Memo } from '../Memo';
import { ApiGatewayReader, ApiInfo, Listing } from './types';

/**
 * An {@link ApiGatewayReader} whose reads are cached and coalesced per
 * account, region and API, so audits of different entities (and the log
 * features) that share an API or an account reuse each other's calls.
 */
export class CachedApiGatewayReader implements ApiGatewayReader {
  constructor(
    private readonly inner: ApiGatewayReader,
    private readonly memo: Memo,
  ) {}

  getAccountSettings(target: AwsTarget): Promise<AccountSettings> {
    return this.memo.get(`account:${targetKey(target)}`, () =>
      this.inner.getAccountSettings(target),
    );
  }

  getRestStages(target: AwsTarget, apiId: string): Promise<StageConfig[]> {
    return this.memo.get(`stages:v1:${targetKey(target)}:${apiId}`, () =>
      this.inner.getRestStages(target, apiId),
    );
  }

  getV2Api(target: AwsTarget, apiId: string): Promise<ApiInfo> {
    return this.memo.get(`api:v2:${targetKey(target)}:${apiId}`, () =>
      this.inner.getV2Api(target, apiId),
    );
  }

  getV2Stages(target: AwsTarget, api: ApiInfo): Promise<StageConfig[]> {
    return this.memo.get(`stages:v2:${targetKey(target)}:${api.apiId}`, () =>
      this.inner.getV2Stages(target, api),
    );
  }

  listRestApis(target: AwsTarget): Promise<Listing<ApiInfo>> {
    return this.memo.get(`apis:v1:${targetKey(target)}`, () =>
      this.inner.listRestApis(target),
    );
  }

  listV2Apis(target: AwsTarget): Promise<Listing<ApiInfo>> {
    return this.memo.get(`apis:v2:${targetKey(target)}`, () =>
      this.inner.listV2Apis(target),
    );
  }
}
