import {
  ANNOTATION_EXECUTION_LOG_GROUP,
  ApiType,
  DiscoveryError,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { StageConfig } from '../../audit/types';
import {
  executionLogGroupName,
  parseLogGroupArn,
} from '../AuditService/logGroupNames';
import { AwsTarget } from '../aws/types';
import { LinkedEntity } from '../EntityLoader';

/** Where one stage's logs are. */
export interface StageLogSource {
  stageArn: string;
  stageName: string;
  apiId: string;
  apiType: ApiType;
  target: AwsTarget;
  /** REST and WebSocket only. */
  executionLogGroup?: string;
  /** A CloudWatch access log group in the stage's own account and region. */
  accessLogGroup?: string;
  /** The access-log format, when it is JSON (the only one joined). */
  accessLogFormat?: string;
}

/** A stage whose configuration could not be read. */
export interface StageSourceError {
  stageArn: string;
  message: string;
}

/** Reads one stage's configuration (the audit's cached reader). */
export interface StageConfigSource {
  readStage(ref: StageRef): Promise<StageConfig>;
}

/** Resolves the stages an entity names (ARNs, or tags through discovery). */
export interface StageRefSource {
  stagesOf(
    linked: LinkedEntity,
  ): Promise<{ stages: StageRef[]; errors: DiscoveryError[] }>;
}

/** The log groups of a stage, from its configuration and the overrides. */
export function logSourceOf(
  ref: StageRef,
  stage: StageConfig,
  overrides: Map<string, string>,
  template?: string,
): StageLogSource {
  const target = { accountId: ref.accountId, region: ref.region };
  const source: StageLogSource = {
    stageArn: ref.arn,
    stageName: ref.stageName,
    apiId: ref.apiId,
    apiType: stage.apiType,
    target,
  };
  if (stage.apiType !== 'HTTP') {
    source.executionLogGroup = executionLogGroupName(
      stage,
      ref.arn,
      overrides,
      template,
    );
  }
  const destination = stage.accessLog?.destinationArn;
  const group = destination ? parseLogGroupArn(destination) : undefined;
  // Only a group in the stage's own region is read with the stage's
  // client; one elsewhere (or a Firehose stream) is left out.
  if (
    group &&
    group.region === ref.region &&
    (!ref.accountId || group.accountId === ref.accountId)
  ) {
    source.accessLogGroup = group.name;
    const format = stage.accessLog?.format?.trim();
    if (format?.startsWith('{')) source.accessLogFormat = format;
  }
  return source;
}

/** The execution-log-group template of an entity's annotation, if any. */
export function executionLogGroupTemplate(
  linked: LinkedEntity,
): string | undefined {
  return (
    linked.entity.metadata.annotations?.[
      ANNOTATION_EXECUTION_LOG_GROUP
    ]?.trim() || undefined
  );
}
