import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { apiGatewayLoggingApiRef } from '../api/ApiGatewayLoggingApi';
import { isStageArn, resolveStage } from '../lib/stages';

/**
 * The stage a trace link names (`stage=prod`, `stage=<ARN>`), as the
 * backend is asked for it: a name is looked up among the entity's annotated
 * stages (the backend's `/stages`, no AWS call) and sent as its ARN when one
 * stage has it; otherwise (stages selected by tags) the name is sent as
 * written. `loading` is true while the lookup runs.
 */
export function useStageFromLink(
  entityRef: string | undefined,
  stage: string | undefined,
): { loading: boolean; stage?: string; stageArns?: string[] } {
  const api = useApi(apiGatewayLoggingApiRef);
  const { value, loading } = useAsync(async () => {
    if (!entityRef || !stage) return undefined;
    try {
      const { stages } = await api.getEntityStages(parseEntityRef(entityRef));
      return stages.map(s => s.arn);
    } catch {
      return undefined;
    }
  }, [api, entityRef, stage]);
  if (!stage) return { loading: false };
  if (isStageArn(stage)) return { loading: false, stage, stageArns: value };
  if (loading) return { loading: true };
  return {
    loading: false,
    stage: resolveStage(stage, value ?? []) ?? stage,
    stageArns: value,
  };
}
