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
   * Finds the entity's stages (by ARN, or by tag query over the configured
   * accounts and regions) and runs every check on each. AWS failures make
   * the affected stage unreadable or its affected checks `error`; they are
   * never thrown.
   */
  auditEntity(linked: LinkedEntity): Promise<EntityAuditResponse>;
  /** Audits one stage, claimed by `entity` or by none. */
  auditStage(ref: StageRef, entity?: Entity): Promise<StageAudit>;
  /** The checks the audit runs (built-in and modules'). */
  listChecks(): CheckDescriptor[];
}
