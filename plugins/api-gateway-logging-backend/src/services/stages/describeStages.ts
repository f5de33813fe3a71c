import { EntityStagesResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../entities/EntityLoader';

/** What an entity's annotations say about its stages, without calling AWS. */
export function describeStages(linked: LinkedEntity): EntityStagesResponse {
  const { entityRef, selector } = linked;
  if (selector.kind === 'tags') {
    return { entityRef, selector: 'tags', tags: selector.tags, stages: [] };
  }
  return {
    entityRef,
    selector: 'arns',
    stages: selector.stages.map(stage => ({
      arn: stage.arn,
      ...(stage.accountId ? { accountId: stage.accountId } : {}),
      region: stage.region,
      apiId: stage.apiId,
      apiFamily: stage.apiFamily,
      ...(stage.apiFamily === 'v1' ? { apiType: 'REST' as const } : {}),
      stageName: stage.stageName,
    })),
  };
}
