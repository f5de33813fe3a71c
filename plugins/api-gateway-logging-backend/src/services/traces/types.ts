import { TraceResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import { LinkedEntity } from '../entities/EntityLoader';
import { StageSelector } from '../logs/LogLocator';

/** A validated trace lookup. */
export interface TraceQuery {
  requestId: string;
  /** One stage of the entity; all its stages when absent. */
  stage?: StageSelector;
  /** Epoch ms the request happened near; the recent past when absent. */
  around?: number;
}

/** One request's trace. */
export interface TraceService {
  getTrace(linked: LinkedEntity, query: TraceQuery): Promise<TraceResponse>;
}
