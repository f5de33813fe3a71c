import { Duration } from 'luxon';
import { SweepStatus } from '@apigw-logging/plugin-api-gateway-logging-common';
import { plural } from './text';
import { formatAge } from './time';

/**
 * The sweep's schedule, when the backend says it (asked of the owner of
 * the contract: `SweepStatus.frequency` as an ISO 8601 duration, `PT1H`,
 * and `nextStartAt`); read if present, never required.
 */
export type SweepWithSchedule = SweepStatus & {
  frequency?: string;
  nextStartAt?: string;
};

/** `hourly`, `every 30 minutes`, `daily`, `every 6 hours`; undefined if unreadable. */
export function cadence(frequency: string | undefined): string | undefined {
  if (!frequency) return undefined;
  const duration = Duration.fromISO(frequency);
  if (!duration.isValid) return undefined;
  const minutes = Math.round(duration.as('minutes'));
  if (minutes <= 0) return undefined;
  if (minutes === 60) return 'hourly';
  if (minutes === 1440) return 'daily';
  if (minutes % 1440 === 0) return `every ${plural(minutes / 1440, 'day')}`;
  if (minutes % 60 === 0) return `every ${plural(minutes / 60, 'hour')}`;
  return `every ${plural(minutes, 'minute')}`;
}

/**
 * The sweep's state in a sentence: `Checked 12 minutes ago by a sweep of
 * 1,234 stages; next sweep hourly.`
 */
export function sweepText(sweep: SweepWithSchedule, now = Date.now()): string {
  const every = cadence(sweep.frequency);
  let next = '';
  if (sweep.nextStartAt) {
    next = ` Next sweep ${formatAge(Date.parse(sweep.nextStartAt), now)}${
      every ? `, then ${every}` : ''
    }.`;
  } else if (every) {
    next = ` Next sweep ${every}.`;
  }
  const running = sweep.running
    ? ' A sweep is running now; the results update when it ends.'
    : '';
  if (!sweep.lastFinishedAt) {
    return `Not swept yet: each entity is read from AWS when it is shown.${running}${next}`;
  }
  const stages =
    sweep.stages !== undefined ? ` of ${plural(sweep.stages, 'stage')}` : '';
  return `Checked ${formatAge(
    Date.parse(sweep.lastFinishedAt),
    now,
  )} by a sweep${stages}.${running}${next}`;
}
