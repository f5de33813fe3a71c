/**
 * A stage as the backend's answers name it (`StageSummary`, `StageAudit`,
 * `StageSearch`, `FailureItem`): the frontend reads these fields and never
 * takes an ARN apart itself.
 */
export interface StageInfo {
  arn: string;
  stageName: string;
  /** Known from the stages and audit answers; absent from failures. */
  apiId?: string;
}

/**
 * The stages of both lists, once each by ARN; a field one list lacks (the
 * API id of a stage only searched) is taken from the other.
 */
export function mergeStages(...lists: StageInfo[][]): StageInfo[] {
  const byArn = new Map<string, StageInfo>();
  for (const stage of lists.flat()) {
    const known = byArn.get(stage.arn);
    byArn.set(stage.arn, {
      ...stage,
      apiId: known?.apiId ?? stage.apiId,
    });
  }
  return [...byArn.values()];
}

function sharesName(stage: StageInfo, stages: StageInfo[]): boolean {
  return stages.some(
    s => s.arn !== stage.arn && s.stageName === stage.stageName,
  );
}

/**
 * A short, unambiguous label for a stage among an entity's stages: its name,
 * or `apiId/name` when another API of the entity has a stage of that name
 * (its ARN when the API id is not known).
 */
export function stageLabel(stage: StageInfo, stages: StageInfo[]): string {
  if (!sharesName(stage, stages)) return stage.stageName;
  return stage.apiId ? `${stage.apiId}/${stage.stageName}` : stage.arn;
}

/**
 * How a stage is named in a URL: its name when no other stage of the
 * entity has it (`prod`), else its ARN. Short links for tickets; the backend
 * and {@link resolveStage} accept both.
 */
export function stageParam(stage: StageInfo, stages: StageInfo[]): string {
  return sharesName(stage, stages) ? stage.arn : stage.stageName;
}

/**
 * The stage named in a URL by name (`prod`), by `apiId/name`, or by ARN,
 * among an entity's stages; undefined when none or several match.
 */
export function resolveStage(
  param: string | null | undefined,
  stages: StageInfo[],
): StageInfo | undefined {
  if (!param) return undefined;
  const byArn = stages.find(s => s.arn === param);
  if (byArn) return byArn;
  const matches = stages.filter(
    s =>
      param === s.stageName ||
      (s.apiId !== undefined && param === `${s.apiId}/${s.stageName}`),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether a value given for a stage is an ARN rather than a name. */
export function isStageArn(value: string): boolean {
  return value.startsWith('arn:');
}
