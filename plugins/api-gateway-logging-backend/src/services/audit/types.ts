import {
  CheckDescriptor,
  EntityAuditResponse,
  StageAudit,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { Entity } from '@backstage/catalog-model';
import { LinkedEntity } from '../entities/EntityLoader';

/** Audits the logging of API Gateway stages. */
export interface AuditService {
  /**
   * The entity's stages (by ARN, or by tag query over the configured
   * accounts and regions) as last swept or re-checked, with their age; a
   * stage never swept is audited now. AWS failures make the affected stage
   * unreadable or its affected checks `error`; they are never thrown.
   */
  auditEntity(linked: LinkedEntity): Promise<EntityAuditResponse>;
  /** Audits every stage of the entity anew (not from the store), and stores them. */
  refreshEntity(linked: LinkedEntity): Promise<EntityAuditResponse>;
  /** Audits one stage, claimed by `entity` or by none. */
  auditStage(ref: StageRef, entity?: Entity): Promise<StageAudit>;
  /** The checks the audit runs (built-in and modules'). */
  listChecks(): CheckDescriptor[];
}
