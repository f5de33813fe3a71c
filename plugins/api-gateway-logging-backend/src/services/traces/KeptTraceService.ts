import {
  KeptTraceInfo,
  TraceResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { NotFoundError } from '@backstage/errors';
import { AuditStore } from '../../store/AuditStore';
import { KeptTrace } from '../../store/types';
import { LinkedEntity } from '../entities/EntityLoader';
import { TraceKeeper, TraceQuery, TraceService } from './types';

/**
 * Traces that outlive log retention: a kept trace is served from the store
 * (saying so, and who kept it), without reading the logs again: the link
 * in an incident ticket keeps working when CloudWatch has deleted the
 * events, and twenty people opening it cost no FilterLogEvents call.
 * Traces nobody kept are read live.
 */
export class KeptTraceService implements TraceService {
  constructor(
    private readonly live: Pick<TraceService, 'getTrace'>,
    private readonly store: AuditStore,
    private readonly now: () => number = Date.now,
  ) {}

  async getTrace(
    linked: LinkedEntity,
    query: TraceQuery,
  ): Promise<TraceResponse> {
    const kept = await this.store.keptTrace(linked.entityRef, query.requestId);
    if (kept) return keptResponse(kept);
    return { ...(await this.live.getTrace(linked, query)), source: 'live' };
  }

  async keepTrace(
    linked: LinkedEntity,
    query: TraceQuery,
    keeper: TraceKeeper,
  ): Promise<TraceResponse> {
    const already = await this.store.keptTrace(
      linked.entityRef,
      query.requestId,
    );
    // Kept again (say, with the ticket's URL): the copy stays, the note changes.
    const trace = already?.trace ?? (await this.live.getTrace(linked, query));
    if (!trace.found) {
      throw new NotFoundError(
        `Request ${query.requestId} was not found in the logs of ${
          linked.entityRef
        }${
          trace.searched.complete ? '' : ' (the search was cut short)'
        }: there is no trace to keep. Open the trace with the time of the request, and keep it once it shows.`,
      );
    }
    const copy: KeptTrace = {
      entityRef: linked.entityRef,
      // By its request id, found again by its extended id too.
      requestId:
        trace.trace && !trace.trace.requestId.startsWith('unidentified-')
          ? trace.trace.requestId
          : query.requestId,
      trace: stripKept(trace),
      keptBy: keeper.by,
      keptAt: this.now(),
      ...(keeper.ticketUrl ? { ticketUrl: keeper.ticketUrl } : {}),
    };
    await this.store.keepTrace(copy);
    return { ...keptResponse(copy), source: already ? 'kept' : 'live' };
  }
}

function stripKept(trace: TraceResponse): TraceResponse {
  const { source: _source, kept: _kept, ...rest } = trace;
  return rest;
}

function keptResponse(kept: KeptTrace): TraceResponse {
  const info: KeptTraceInfo = {
    by: kept.keptBy,
    at: new Date(kept.keptAt).toISOString(),
    ...(kept.ticketUrl ? { ticketUrl: kept.ticketUrl } : {}),
  };
  return { ...kept.trace, source: 'kept', kept: info };
}
