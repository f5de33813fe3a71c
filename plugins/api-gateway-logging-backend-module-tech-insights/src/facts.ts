import {
  CheckStatus,
  CoverageEntity,
  FailuresResponse,
  worstStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { FactSchema } from '@backstage-community/plugin-tech-insights-common';

/**
 * The facts of one entity, as Tech Insights checks read them. Check ids are
 * open (modules add checks), so per-check results are sets and an object
 * keyed by id rather than one fact per built-in check: a check added later
 * needs no new schema version.
 *
 * @public
 */
export const apiGatewayLoggingFactSchema: FactSchema = {
  stages: {
    type: 'integer',
    description: 'API Gateway stages the entity claims (annotation or tags).',
  },
  unreadableStages: {
    type: 'integer',
    description:
      'Stages whose configuration AWS would not give (credentials, permissions, outage): neither passing nor failing.',
  },
  passingStagesShare: {
    type: 'float',
    description:
      'Share (0 to 1) of the readable stages that pass every check; absent when no stage is readable.',
  },
  passingChecks: {
    type: 'set',
    description:
      'Ids of the checks that every readable stage passes (or that do not apply to it).',
  },
  failingChecks: {
    type: 'set',
    description: 'Ids of the checks that fail on at least one stage.',
  },
  warningChecks: {
    type: 'set',
    description:
      'Ids of the checks with a warning and no failure on any stage.',
  },
  checks: {
    type: 'object',
    description:
      'Each check id with its worst status over the stages: pass, fail, warn, error or not-applicable.',
  },
  checkedAt: {
    type: 'datetime',
    description: 'When the oldest of these results was read from AWS.',
  },
  failedRequestsLastDay: {
    type: 'integer',
    description:
      'Failed requests (4xx and 5xx, by the execution and access logs) in the 24 hours before the facts were retrieved.',
  },
  failedRequestsLastDayComplete: {
    type: 'boolean',
    description:
      'False when failedRequestsLastDay is a lower bound: a search cap cut the day short, or a stage or log group could not be read.',
  },
};

/** The failure facts of one entity, or none when they were not read. */
export type FailureFacts = {
  failedRequestsLastDay: number;
  failedRequestsLastDayComplete: boolean;
};

/** Failure facts from a 24-hour `/failures` answer. */
export function failureFacts(response: FailuresResponse): FailureFacts {
  return {
    failedRequestsLastDay: response.total,
    failedRequestsLastDayComplete:
      !response.truncated && response.errors.length === 0,
  };
}

/** The audit facts of one entity of the stored coverage report. */
export function auditFacts(entity: CoverageEntity): Record<string, unknown> {
  const readable = entity.stages.filter(s => !s.problem);
  const byCheck = new Map<string, CheckStatus[]>();
  for (const stage of readable) {
    for (const check of stage.checks) {
      const statuses = byCheck.get(check.id) ?? [];
      statuses.push(check.status);
      byCheck.set(check.id, statuses);
    }
  }
  const checks: Record<string, CheckStatus> = {};
  for (const [id, statuses] of byCheck) checks[id] = worstStatus(statuses);
  const withStatus = (...wanted: CheckStatus[]) =>
    Object.keys(checks)
      .filter(id => wanted.includes(checks[id]))
      .sort();
  const passing = readable.filter(stage =>
    stage.checks.every(
      c => c.status === 'pass' || c.status === 'not-applicable',
    ),
  ).length;
  return {
    stages: entity.stages.length,
    unreadableStages: entity.stages.length - readable.length,
    ...(readable.length
      ? { passingStagesShare: round(passing / readable.length) }
      : {}),
    passingChecks: withStatus('pass', 'not-applicable'),
    failingChecks: withStatus('fail'),
    warningChecks: withStatus('warn'),
    checks,
    ...(entity.checkedAt ? { checkedAt: entity.checkedAt } : {}),
  };
}

function round(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}
