import {
  CoverageHistoryResponse,
  EntityHistoryResponse,
  StageHistoryResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../entities/EntityLoader';

/** A stage by account and ARN. */
export interface StageKeyInput {
  arn: string;
  accountId?: string;
}

/** What the store remembers: stage timelines and coverage over time. */
export interface HistoryService {
  /** One stage's versions, newest first; NotFoundError when never audited. */
  stageHistory(
    stage: StageKeyInput,
    limit: number,
  ): Promise<StageHistoryResponse>;
  /** The timelines of an entity's stages and its coverage per day. */
  entityHistory(
    linked: LinkedEntity,
    days: number,
  ): Promise<EntityHistoryResponse>;
  /** Coverage per day of the fleet, or of an owner's or a system's entities. */
  coverageHistory(
    scope: { owner?: string; system?: string },
    days: number,
  ): Promise<CoverageHistoryResponse>;
}
