import {
  CheckDescriptor,
  EntityAuditResponse,
  StageAudit,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { Entity } from '@backstage/catalog-model';
import { LinkedEntity } from '../entities/EntityLoader';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import { StageLocator } from '../stages/StageLocator';
import { AuditService } from './types';
import { StageAuditor } from './StageAuditor';
import { summarize } from './summarize';

/** {@link AuditService}: resolves an entity's stages and audits each. */
export class DefaultAuditService implements AuditService {
  constructor(
    private readonly auditor: StageAuditor,
    private readonly locator: StageLocator,
    private readonly registry: ExtensionRegistry,
  ) {}

  async auditEntity(linked: LinkedEntity): Promise<EntityAuditResponse> {
    const { entity, entityRef, selector } = linked;
    const found = await this.locator.stagesOf(linked);
    const stages = await Promise.all(
      found.stages.map(ref => this.auditor.audit(ref, entity)),
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

  auditStage(ref: StageRef, entity?: Entity): Promise<StageAudit> {
    return this.auditor.audit(ref, entity);
  }

  listChecks(): CheckDescriptor[] {
    return this.registry.descriptors();
  }
}
