import {
  FailureCategory,
  FailuresResponse,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../EntityLoader';

/** A validated failures query. */
export interface FailuresQuery {
  from: number;
  to: number;
  category?: FailureCategory;
  /** A stage ARN of the entity; all its stages when absent. */
  stageArn?: string;
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

/** A validated trace lookup. */
export interface TraceQuery {
  requestId: string;
  stageArn?: string;
  /** Epoch ms the request happened near; the recent past when absent. */
  around?: number;
}

/** One request's trace. */
export interface TraceService {
  getTrace(linked: LinkedEntity, query: TraceQuery): Promise<TraceResponse>;
}
