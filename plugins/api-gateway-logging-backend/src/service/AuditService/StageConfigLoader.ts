import { StageRef } from '@apigw-logging/plugin-api-gateway-logging-common';
import { StageConfig } from '../../audit/types';
import { ApiGatewayReader } from '../ApiGatewayReader/types';
import { AwsReadError } from '../aws/errors';
import { AwsTarget, describeTarget } from '../aws/types';

/**
 * Reads one stage's configuration through the (cached, coalescing) API
 * Gateway reader: the audit and the log features share it, so a stage's
 * GetStages is made once for both.
 */
export class StageConfigLoader {
  constructor(private readonly apiGateway: ApiGatewayReader) {}

  async readStage(ref: StageRef): Promise<StageConfig> {
    const target: AwsTarget = { accountId: ref.accountId, region: ref.region };
    const { apiGateway } = this;
    let stages: StageConfig[];
    if (ref.apiFamily === 'v1') {
      stages = await apiGateway.getRestStages(target, ref.apiId);
    } else {
      const api = (await apiGateway.listV2Apis(target)).find(
        a => a.apiId === ref.apiId,
      );
      if (!api) {
        throw new AwsReadError(
          'not-found',
          `Not found: no HTTP or WebSocket API ${ref.apiId} in ${describeTarget(
            target,
          )} (GetApis). Check the API id, region and account of the annotation.`,
        );
      }
      stages = await apiGateway.getV2Stages(target, api);
    }
    const stage = stages.find(s => s.stageName === ref.stageName);
    if (!stage) {
      const names = stages.map(s => s.stageName).join(', ') || 'none';
      throw new AwsReadError(
        'not-found',
        `Not found: API ${ref.apiId} has no stage "${
          ref.stageName
        }" in ${describeTarget(target)} (its stages: ${names}).`,
      );
    }
    return stage;
  }
}
