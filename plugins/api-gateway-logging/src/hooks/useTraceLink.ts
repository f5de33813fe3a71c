import { useRouteRef } from '@backstage/core-plugin-api';
import { traceRouteRef } from '../routes';

/** What identifies a trace in a link. */
export interface TraceLinkTarget {
  requestId: string;
  entityRef: string;
  stageArn?: string;
  /** Epoch ms near the request. */
  around?: number;
}

/** The query string of a trace link: `?entity=&stage=&around=`. */
export function traceSearch(target: Omit<TraceLinkTarget, 'requestId'>) {
  const search = new URLSearchParams({ entity: target.entityRef });
  if (target.stageArn) search.set('stage', target.stageArn);
  if (target.around !== undefined) {
    search.set('around', new Date(target.around).toISOString());
  }
  return `?${search.toString()}`;
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
