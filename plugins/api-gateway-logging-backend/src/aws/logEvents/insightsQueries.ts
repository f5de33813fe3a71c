import {
  FAILURE_MESSAGE_PHRASES,
  compileAccessLogFormat,
  normalizeRequestId,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  LogLocation,
  LogSelection,
} from '@apigw-logging/plugin-api-gateway-logging-node';

/** Rows a Logs Insights query returns at most (AWS's limit). */
export const INSIGHTS_MAX_ROWS = 10_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The `filter` of a Logs Insights query selecting what a read wants: the
 * failure phrases of the parser (one regular expression), a JSON access
 * log's failing statuses, or the lines of given requests. Every term is a
 * constant or a validated request id; undefined: no filter (every event).
 */
export function insightsFilter(
  location: LogLocation,
  select: LogSelection,
): string | undefined {
  if (select.kind === 'requests') {
    const ids = select.requestIds.map(id => {
      const normalized = normalizeRequestId(id);
      if (!normalized)
        throw new TypeError('insightsFilter takes request ids only');
      return escapeRegExp(normalized);
    });
    return `@message like /${ids.join('|')}/`;
  }
  if (location.kind === 'execution') {
    return `@message like /${FAILURE_MESSAGE_PHRASES.map(escapeRegExp).join(
      '|',
    )}/`;
  }
  const status = location.format
    ? compileAccessLogFormat(location.format).fields.find(
        f => f.variable === '$context.status' && f.json,
      )
    : undefined;
  if (!status?.json) return undefined;
  const last = status.json.path[status.json.path.length - 1];
  const key = escapeRegExp(JSON.stringify(last));
  return `@message like /${key}\\s*:\\s*"?[45]\\d\\d/`;
}

/** The whole query: newest first, so a capped answer keeps the newest. */
export function insightsQuery(
  filter: string | undefined,
  limit: number,
): string {
  return [
    'fields @timestamp, @message, @logStream',
    ...(filter ? [`filter ${filter}`] : []),
    'sort @timestamp desc',
    `limit ${Math.min(limit, INSIGHTS_MAX_ROWS)}`,
  ].join(' | ');
}

/**
 * `@timestamp` as Logs Insights returns it (`2026-11-30 01:02:03.456`, UTC)
 * or as emulators do (epoch milliseconds), in epoch ms.
 */
export function insightsTimestamp(
  value: string | undefined,
): number | undefined {
  if (!value) return undefined;
  if (/^\d{10,16}$/.test(value)) return Number(value);
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}
