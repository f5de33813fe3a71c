import { StageLogVolume } from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AuditInput,
  isReadFailure,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { CostConfig } from '../../config/readConfig';
import { LogVolume } from '../../store/types';

const GB = 1024 ** 3;

/** The log groups of a stage that exist, as its audit read them. */
export function existingGroups(logGroups?: AuditInput['logGroups']) {
  return Object.values(logGroups ?? {}).flatMap(g =>
    g && !isReadFailure(g) && g.exists ? [g] : [],
  );
}

/** What a stage's groups hold and take in, from the audit's reads and the metrics. */
export function logVolumeOf(
  logGroups: AuditInput['logGroups'] | undefined,
  incoming: Map<string, number>,
  days: number,
  at: number,
): LogVolume | undefined {
  const groups = existingGroups(logGroups);
  if (groups.length === 0) return undefined;
  return {
    storedBytes: Object.fromEntries(
      groups.map(g => [g.name, g.storedBytes ?? 0]),
    ),
    incomingBytesPerDay: Object.fromEntries(
      groups.flatMap(g =>
        incoming.has(g.name) ? [[g.name, incoming.get(g.name)!]] : [],
      ),
    ),
    days,
    measuredAt: at,
  };
}

/** The volume as the API shows it, with the estimated monthly cost. */
export function stageLogVolume(
  volume: LogVolume,
  cost: CostConfig,
): StageLogVolume {
  const stored = Object.values(volume.storedBytes).reduce((a, b) => a + b, 0);
  const perDay = Object.values(volume.incomingBytesPerDay);
  const incoming = perDay.length
    ? perDay.reduce((a, b) => a + b, 0)
    : undefined;
  const round = (usd: number) => Math.round(usd * 100) / 100;
  return {
    storedBytes: stored,
    ...(incoming !== undefined ? { incomingBytesPerDay: incoming } : {}),
    days: volume.days,
    estimatedMonthlyUsd: {
      ...(incoming !== undefined
        ? { ingestion: round(((incoming * 30) / GB) * cost.ingestionUsdPerGb) }
        : {}),
      storage: round((stored / GB) * cost.storageUsdPerGbMonth),
    },
    measuredAt: new Date(volume.measuredAt).toISOString(),
  };
}
