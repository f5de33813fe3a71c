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

/**
 * How a stage is named in a URL: its name when no other stage of the
 * entity has it (`prod`), else its ARN. Short links for tickets; the backend
 * and {@link resolveStage} accept both.
 */
export function stageParam(arn: string, arns: string[] = []): string {
  const { stageName } = parseStage(arn);
  const sameName = arns.filter(a => parseStage(a).stageName === stageName);
  return sameName.length > 1 ? arn : stageName;
}

/**
 * The ARN of a stage named in a URL by name (`prod`), by `apiId/name`, or by
 * ARN, among an entity's stages; undefined when none or several match.
 */
export function resolveStage(
  param: string | null | undefined,
  arns: string[],
): string | undefined {
  if (!param) return undefined;
  if (arns.includes(param)) return param;
  const matches = arns.filter(arn => {
    const { apiId, stageName } = parseStage(arn);
    return param === stageName || param === `${apiId}/${stageName}`;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether a value is a stage ARN rather than a stage name. */
export function isStageArn(value: string): boolean {
  return value.startsWith('arn:');
}
