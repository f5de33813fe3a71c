import { NotAllowedError } from '@backstage/errors';
import { LinkedEntity } from '../EntityLoader';
import { AwsReadError } from '../aws/errors';
import {
  StageConfigSource,
  StageLogSource,
  StageRefSource,
  StageSourceError,
  executionLogGroupTemplate,
  logSourceOf,
} from './logSources';

/**
 * Finds where an entity's stages log: the stages the entity names, each
 * one's configuration (through the audit's cached reader) and the
 * configured overrides.
 */
export class LogSourceResolver {
  constructor(
    private readonly refs: StageRefSource,
    private readonly configs: StageConfigSource,
    private readonly executionLogGroups: Map<string, string>,
  ) {}

  /**
   * The log sources of the entity's stages, or of the one named by
   * `stageArn`; a stage that is not the entity's is refused, because the
   * permission to read logs was granted for this entity only.
   */
  async resolve(
    linked: LinkedEntity,
    stageArn?: string,
  ): Promise<{ sources: StageLogSource[]; errors: StageSourceError[] }> {
    const { stages, errors } = await this.refs.stagesOf(linked);
    const wanted = stageArn ? stages.filter(s => s.arn === stageArn) : stages;
    if (stageArn && wanted.length === 0) {
      throw new NotAllowedError(
        `The stage ${stageArn} does not belong to ${
          linked.entityRef
        }; its stages are: ${stages.map(s => s.arn).join(', ') || 'none'}.`,
      );
    }
    const template = executionLogGroupTemplate(linked);
    const sources: StageLogSource[] = [];
    const allErrors: StageSourceError[] = errors.map(e => ({
      stageArn: `tag query in ${e.accountId ?? 'the default account'}, ${
        e.region
      }`,
      message: e.message,
    }));
    await Promise.all(
      wanted.map(async ref => {
        try {
          const config = await this.configs.readStage(ref);
          sources.push(
            logSourceOf(ref, config, this.executionLogGroups, template),
          );
        } catch (error) {
          allErrors.push({
            stageArn: ref.arn,
            message:
              error instanceof AwsReadError
                ? error.message
                : String((error as Error)?.message ?? error),
          });
        }
      }),
    );
    sources.sort((a, b) => a.stageArn.localeCompare(b.stageArn));
    return { sources, errors: allErrors };
  }
}
