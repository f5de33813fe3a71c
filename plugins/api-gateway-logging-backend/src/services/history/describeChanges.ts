import {
  StageChange,
  StageChangeDetail,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  MethodLogging,
  StageConfig,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { StageVersion } from '../../store/types';

/*
 * What changed between two versions of a stage, in the words of the
 * console: the settings a person changes, then the checks whose status
 * moved. A timeline reads "Execution logging ERROR → OFF, between 13:00 and
 * 14:00 UTC on 28 Nov 2026, deployment abc123".
 */

const onOff = (value?: boolean) => (value ? 'on' : 'off');
const level = (logging?: MethodLogging) =>
  (logging?.loggingLevel ?? 'OFF').toUpperCase();

function setting(
  what: string,
  from: string | undefined,
  to: string | undefined,
): StageChangeDetail[] {
  return from === to ? [] : [{ what, from, to }];
}

function methodChanges(
  before: StageConfig,
  after: StageConfig,
): StageChangeDetail[] {
  const old = new Map(before.overrides.map(o => [o.key, o]));
  const now = new Map(after.overrides.map(o => [o.key, o]));
  const out: StageChangeDetail[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    const label = (b ?? a)!.label;
    const from = a ? level(a) : undefined;
    const to = b ? level(b) : undefined;
    if (from !== to) {
      out.push({
        what: `Execution logging of ${label}`,
        from: from ?? 'stage default',
        to: to ?? 'stage default',
      });
    }
  }
  return out;
}

/** The settings that differ between two configurations. */
export function configChanges(
  before: StageConfig | undefined,
  after: StageConfig | undefined,
): StageChangeDetail[] {
  if (!before || !after) return [];
  return [
    ...setting(
      'Execution logging',
      level(before.defaults),
      level(after.defaults),
    ),
    ...setting(
      'Full request and response logging',
      onOff(before.defaults?.dataTraceEnabled),
      onOff(after.defaults?.dataTraceEnabled),
    ),
    ...setting(
      'Detailed metrics',
      onOff(before.defaults?.metricsEnabled),
      onOff(after.defaults?.metricsEnabled),
    ),
    ...methodChanges(before, after),
    ...setting(
      'Access log destination',
      before.accessLog?.destinationArn ?? 'none',
      after.accessLog?.destinationArn ?? 'none',
    ),
    ...(before.accessLog?.format !== after.accessLog?.format &&
    before.accessLog?.destinationArn &&
    after.accessLog?.destinationArn
      ? [{ what: 'Access log format' }]
      : []),
    ...(after.apiType === 'REST'
      ? setting(
          'X-Ray tracing',
          onOff(before.tracingEnabled),
          onOff(after.tracingEnabled),
        )
      : []),
  ];
}

/** The checks whose status moved. */
function checkChanges(
  before: StageVersion,
  after: StageVersion,
): StageChangeDetail[] {
  const old = new Map(before.checks.map(c => [c.id, c]));
  return after.checks.flatMap(c => {
    const was = old.get(c.id)?.status;
    return was === c.status
      ? []
      : [{ what: `Check: ${c.title}`, from: was ?? 'not run', to: c.status }];
  });
}

function clock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 16);
}

function day(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** When the change happened, as narrowly as the sweeps tell. */
function between(version: StageVersion): string {
  const to = version.seenAt;
  const from = version.previousSeenAt;
  if (from === undefined) return `first seen ${clock(to)} UTC on ${day(to)}`;
  return day(from) === day(to)
    ? `between ${clock(from)} and ${clock(to)} UTC on ${day(to)}`
    : `between ${clock(from)} UTC on ${day(from)} and ${clock(to)} UTC on ${day(
        to,
      )}`;
}

function detailText(d: StageChangeDetail): string {
  return d.from === undefined && d.to === undefined
    ? `${d.what} changed`
    : `${d.what} ${d.from} → ${d.to}`;
}

/** One version as a timeline entry; `previous` is the version before it. */
export function describeVersion(
  version: StageVersion,
  previous?: StageVersion,
): StageChange {
  const changes = previous
    ? [
        ...configChanges(previous.config, version.config),
        ...(version.problem && !previous.problem
          ? [{ what: 'Could not be read', to: version.problem.message }]
          : []),
        ...(!version.problem && previous.problem
          ? [{ what: 'Readable again' }]
          : []),
        ...checkChanges(previous, version),
      ]
    : [];
  const deployment =
    version.deploymentId &&
    (!previous || previous.deploymentId !== version.deploymentId)
      ? `deployment ${version.deploymentId}`
      : undefined;
  const what = previous
    ? changes.map(detailText).join('; ') ||
      (deployment ? 'Redeployed' : 'Configuration changed')
    : `Audited: ${version.status}`;
  return {
    seenAt: new Date(version.seenAt).toISOString(),
    ...(version.previousSeenAt !== undefined
      ? { previousSeenAt: new Date(version.previousSeenAt).toISOString() }
      : {}),
    ...(version.lastUpdatedDate
      ? { lastUpdatedDate: version.lastUpdatedDate }
      : {}),
    ...(version.deploymentId ? { deploymentId: version.deploymentId } : {}),
    status: version.status,
    changes,
    summary: [what, between(version), deployment].filter(Boolean).join(', '),
  };
}

/** A stage's versions (newest first) as a timeline, newest first. */
export function timeline(versions: StageVersion[]): StageChange[] {
  return versions.map((v, i) => describeVersion(v, versions[i + 1]));
}
