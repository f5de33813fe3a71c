import {
  ANNOTATION_EXECUTION_LOG_GROUP,
  EntityAuditResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { CacheService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { LinkedEntity } from '../EntityLoader';
import { AwsContext, createAwsContext } from '../AwsContext';
import { AuditService } from './types';
import { StageAuditor } from './StageAuditor';
import { StageRefResolver } from './StageRefResolver';
import { summarize } from './summarize';
import { AwsCaller } from '../aws/AwsCaller';

/** {@link AuditService}: resolves an entity's stages and audits each. */
export class DefaultAuditService implements AuditService {
  /**
   * Builds the service and its AWS plumbing from the root config: clients
   * per account and region with integration-aws-node credentials, one rate
   * limiter per service, account and region, and reads cached for
   * `apiGatewayLogging.cache.auditTtlSeconds`.
   */
  static fromConfig(
    rootConfig: Config,
    deps: {
      cache: CacheService;
      credentialsManager?: AwsCredentialsManager;
      /** Tests shorten the retry backoff. */
      backoffMs?: number;
    },
  ): DefaultAuditService {
    return DefaultAuditService.fromContext(createAwsContext(rootConfig, deps));
  }

  /** Builds the service on the plugin's shared AWS plumbing. */
  static fromContext(context: AwsContext): DefaultAuditService {
    const { config } = context;
    return new DefaultAuditService(
      new StageAuditor({
        apiGateway: context.apiGateway,
        stages: context.stages,
        logGroups: context.logGroups,
        policy: config.policy,
        executionLogGroups: config.executionLogGroups,
      }),
      context.stageRefs,
      context.caller,
    );
  }

  constructor(
    private readonly auditor: StageAuditor,
    private readonly stageRefs: StageRefResolver,
    private readonly caller?: AwsCaller,
  ) {}

  /** AWS calls made so far, by command (for tests and the bench). */
  awsCallStats() {
    return this.caller?.stats() ?? { total: 0, byCommand: {} };
  }

  async auditEntity(linked: LinkedEntity): Promise<EntityAuditResponse> {
    const { entity, entityRef, selector } = linked;
    const found = await this.stageRefs.stagesOf(linked);
    const template =
      entity.metadata.annotations?.[ANNOTATION_EXECUTION_LOG_GROUP]?.trim() ||
      undefined;
    const stages = await Promise.all(
      found.stages.map(ref => this.auditor.audit(ref, template)),
    );
    return {
      entityRef,
      selector: selector.kind,
      generatedAt: new Date().toISOString(),
      stages,
      discoveryErrors: found.errors,
      summary: summarize(stages),
    };
  }
}
