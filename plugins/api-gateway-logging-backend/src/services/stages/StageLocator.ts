import {
  DiscoveryError,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AwsReadError,
  AwsTarget,
  StageConfig,
  describeTarget,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { ApiGatewayReader } from '../../aws/apiGateway/types';
import { LinkedEntity } from '../entities/EntityLoader';
import { TagDiscovery } from './TagDiscovery';

/** The stages an entity names, and the parts of the estate that could not be searched. */
export interface EntityStages {
  stages: StageRef[];
  errors: DiscoveryError[];
}

/** The account and region a stage's calls go to. */
export function targetOf(ref: StageRef): AwsTarget {
  return { accountId: ref.accountId, region: ref.region };
}

/**
 * Stage resolution, in one place for the audit and the logs: which stages an
 * entity names (its ARN annotation as written, or what its tag query finds
 * in the configured accounts and regions), and each stage's configuration
 * through the cached API Gateway reader (so a stage's GetStages is made once
 * for the audit and the logs alike).
 */
export class StageLocator {
  constructor(
    private readonly apiGateway: ApiGatewayReader,
    private readonly discovery: TagDiscovery,
  ) {}

  async stagesOf(linked: LinkedEntity): Promise<EntityStages> {
    const { selector } = linked;
    if (selector.kind === 'arns')
      return { stages: selector.stages, errors: [] };
    return this.discovery.discover(selector.tags, selector.accountId);
  }

  /** The stage's configuration; `AwsReadError` (not-found, access-denied, ...) when it cannot be read. */
  async readStage(ref: StageRef): Promise<StageConfig> {
    const target = targetOf(ref);
    let stages: StageConfig[];
    if (ref.apiFamily === 'v1') {
      stages = await this.apiGateway.getRestStages(target, ref.apiId);
    } else {
      // The ARN carries the API id: GetApi, not a listing of every API.
      const api = await this.apiGateway.getV2Api(target, ref.apiId);
      stages = await this.apiGateway.getV2Stages(target, api);
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
