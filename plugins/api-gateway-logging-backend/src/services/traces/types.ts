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

/** Who keeps a trace, and for which ticket. */
export interface TraceKeeper {
  /** The user's (or service's) ref. */
  by: string;
  ticketUrl?: string;
}

/** One request's trace, live from the logs or as kept. */
export interface TraceService {
  getTrace(linked: LinkedEntity, query: TraceQuery): Promise<TraceResponse>;
  /**
   * Reads the trace from the logs and keeps its redacted copy, so its link
   * outlives log retention; NotFoundError when there is nothing to keep.
   */
  keepTrace(
    linked: LinkedEntity,
    query: TraceQuery,
    keeper: TraceKeeper,
  ): Promise<TraceResponse>;
}
