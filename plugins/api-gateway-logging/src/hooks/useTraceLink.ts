import { useRouteRef } from '@backstage/core-plugin-api';
import { traceRouteRef } from '../routes';
import { formatAround } from '../lib/around';
import { shortEntityRef } from '../lib/entityRefs';
import { StageInfo, stageParam } from '../lib/stages';

/** What identifies a trace in a link. */
export interface TraceLinkTarget {
  requestId: string;
  entityRef: string;
  /** A stage ARN, or a stage name as given in a link. */
  stage?: string;
  /** The entity's stages, to name the stage short when it is unambiguous. */
  stages?: StageInfo[];
  /** Epoch ms near the request. */
  around?: number;
}

/**
 * The query string of a trace link, short enough to paste in a ticket:
 * `?entity=payments-api&stage=prod&around=2025-11-30T01:17Z`.
 */
export function traceSearch(target: Omit<TraceLinkTarget, 'requestId'>) {
  const search = new URLSearchParams({
    entity: shortEntityRef(target.entityRef),
  });
  if (target.stage) {
    // A name stays a name; an ARN becomes the stage's name when the
    // entity's other stages are known not to share it.
    const stage = target.stages?.find(s => s.arn === target.stage);
    search.set(
      'stage',
      stage && target.stages ? stageParam(stage, target.stages) : target.stage,
    );
  }
  if (target.around !== undefined) {
    search.set('around', formatAround(target.around));
  }
  // `:` and `/` are legal in a query: keep them readable.
  return `?${search.toString().replace(/%3A/g, ':').replace(/%2F/g, '/')}`;
}

/**
 * Builds stable links to the trace page: the path within the app and the
 * absolute URL to share. The app must mount the plugin's page
 * (`ApiGatewayLoggingPage`), which serves the trace route.
 */
export function useTraceLink(): (target: TraceLinkTarget) => {
  path: string;
  url: string;
} {
  const route = useRouteRef(traceRouteRef);
  return target => {
    const path = `${route({ requestId: target.requestId })}${traceSearch(
      target,
    )}`;
    return { path, url: new URL(path, window.location.origin).toString() };
  };
}
