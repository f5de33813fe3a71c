import { EntityAuditResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../EntityLoader';

/** Audits the logging of the API Gateway stages an entity names. */
export interface AuditService {
  /**
   * Finds the entity's stages (by ARN, or by tag query over the configured
   * accounts and regions) and runs every check on each. AWS failures make
   * the affected stage's checks `error`; they are never thrown.
   */
  auditEntity(linked: LinkedEntity): Promise<EntityAuditResponse>;
}
