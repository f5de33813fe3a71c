/** `prod` from a stage ARN, and the API id it belongs to. */
export function parseStage(arn: string): { apiId?: string; stageName: string } {
  const match = /\/(?:restapis|apis)\/([^/]+)\/stages\/([^/]+)$/.exec(arn);
  return match
    ? { apiId: match[1], stageName: decodeURIComponent(match[2]) }
    : { stageName: arn };
}

/** A short, unambiguous label for a stage among an entity's stages. */
export function stageLabel(arn: string, arns: string[] = []): string {
  const { apiId, stageName } = parseStage(arn);
  const sameName = arns.filter(a => parseStage(a).stageName === stageName);
  return sameName.length > 1 && apiId ? `${apiId}/${stageName}` : stageName;
}
