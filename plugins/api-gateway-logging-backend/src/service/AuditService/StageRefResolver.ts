import {
  DiscoveryError,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../EntityLoader';
import { TagDiscovery } from './TagDiscovery';

/**
 * The stages an entity names: its ARN annotation as written, or the stages
 * its tag query finds in the configured accounts and regions.
 */
export class StageRefResolver {
  constructor(private readonly discovery: TagDiscovery) {}

  async stagesOf(
    linked: LinkedEntity,
  ): Promise<{ stages: StageRef[]; errors: DiscoveryError[] }> {
    const { selector } = linked;
    if (selector.kind === 'arns')
      return { stages: selector.stages, errors: [] };
    return this.discovery.discover(selector.tags, selector.accountId);
  }
}
