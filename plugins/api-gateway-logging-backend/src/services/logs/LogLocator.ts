import {
  FailureSourceError,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  LogLocation,
  LogSourceNote,
  StageConfig,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { InputError, NotAllowedError } from '@backstage/errors';
import { LinkedEntity } from '../entities/EntityLoader';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import { messageOf } from '../audit/readProblem';
import { StageLocator, targetOf } from '../stages/StageLocator';

/** A stage named in a request: its ARN, or its name (`prod`, or `apiId/prod`). */
export type StageSelector = { arn: string } | { name: string };

/** Where one stage's logs are. */
export interface StageLogs {
  ref: StageRef;
  stage: StageConfig;
  locations: LogLocation[];
  /** What a user should know about logs that are not read (e.g. Firehose). */
  notes: LogSourceNote[];
}

/** Where an entity's stages log, and the stages that could not be read. */
export interface EntityLogs {
  stages: StageLogs[];
  errors: FailureSourceError[];
}

/**
 * Finds where an entity's stages log: the stages the entity names (one
 * stage resolution with the audit), each one's configuration, and what
 * every log source holds for it. A stage that is not the entity's is
 * refused: the permission to read logs was granted for this entity only.
 */
export class LogLocator {
  constructor(
    private readonly locator: StageLocator,
    private readonly registry: ExtensionRegistry,
  ) {}

  async resolve(
    linked: LinkedEntity,
    selector?: StageSelector,
  ): Promise<EntityLogs> {
    const found = await this.locator.stagesOf(linked);
    const wanted = selector
      ? pick(found.stages, selector, linked)
      : found.stages;
    const errors: FailureSourceError[] = found.errors.map(e => ({
      stageArn: `tag query in ${e.accountId ?? 'the default account'}, ${
        e.region
      }`,
      message: e.message,
    }));
    const stages: StageLogs[] = [];
    await Promise.all(
      wanted.map(async ref => {
        let stage: StageConfig;
        try {
          stage = await this.locator.readStage(ref);
        } catch (error) {
          errors.push({ stageArn: ref.arn, message: messageOf(error) });
          return;
        }
        // A source that refuses (an annotation naming a group the operator
        // did not allow) refuses the request: it is the caller's to fix.
        const located = await Promise.all(
          this.registry.logSources().map(source =>
            source.locate({
              arn: ref.arn,
              stage,
              location: {
                partition: ref.partition,
                region: ref.region,
                accountId: ref.accountId,
              },
              target: targetOf(ref),
              entity: linked.entity,
            }),
          ),
        );
        stages.push({
          ref,
          stage,
          locations: located.flatMap(l => l.locations),
          notes: located.flatMap(l => l.notes),
        });
      }),
    );
    stages.sort((a, b) => a.ref.arn.localeCompare(b.ref.arn));
    return { stages, errors };
  }
}

/** The stages a selector names among the entity's; refuses what is not the entity's. */
function pick(
  stages: StageRef[],
  selector: StageSelector,
  linked: LinkedEntity,
): StageRef[] {
  const arns = stages.map(s => s.arn).join(', ') || 'none';
  if ('arn' in selector) {
    const match = stages.filter(s => s.arn === selector.arn);
    if (match.length === 0) {
      throw new NotAllowedError(
        `The stage ${selector.arn} does not belong to ${linked.entityRef}; its stages are: ${arns}.`,
      );
    }
    return match;
  }
  const [apiId, name] = selector.name.includes('/')
    ? selector.name.split('/', 2)
    : [undefined, selector.name];
  const match = stages.filter(
    s => s.stageName === name && (!apiId || s.apiId === apiId),
  );
  if (match.length === 0) {
    throw new InputError(
      `${linked.entityRef} has no stage named ${JSON.stringify(
        selector.name,
      )}; its stages are: ${
        stages.map(s => `${s.stageName} (${s.arn})`).join(', ') || 'none'
      }.`,
    );
  }
  if (match.length > 1) {
    throw new InputError(
      `${linked.entityRef} has several stages named ${JSON.stringify(
        name,
      )}: ${match
        .map(s => `${s.apiId}/${s.stageName}`)
        .join(', ')}. Name one as apiId/stage or by its ARN.`,
    );
  }
  return match;
}
