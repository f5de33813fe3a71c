import {
  FailureCategory,
  FailuresResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../entities/EntityLoader';
import { StageSelector } from '../logs/LogLocator';

/** A validated failures query. */
export interface FailuresQuery {
  from: number;
  to: number;
  category?: FailureCategory;
  /** One stage of the entity; all its stages when absent. */
  stage?: StageSelector;
  offset: number;
  limit: number;
}

/** Recent failing requests of an entity's stages. */
export interface FailuresService {
  listFailures(
    linked: LinkedEntity,
    query: FailuresQuery,
  ): Promise<FailuresResponse>;
}
