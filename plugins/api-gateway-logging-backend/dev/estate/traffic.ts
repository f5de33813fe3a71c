import { accessLogRecord } from './accessLog';
import {
  EstateApi,
  EstateStage,
  LoggingLevel,
  SCENARIO_WEIGHTS,
} from './estate';
import { Rng } from './rng';
import { RequestContext, Scenario, generateRequest } from './scenarios';

/** One CloudWatch Logs event, destined for a stream. */
export interface TrafficEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
}

export interface StageTraffic {
  execution: TrafficEvent[];
  access: TrafficEvent[];
  requests: number;
  failures: number;
}

export interface TrafficOptions {
  from: number;
  to: number;
  requestsPerMinute: number;
  /** How many execution log streams the events spread over (the console makes ~300). */
  streams?: number;
  /** Overrides the outcome mix. */
  weights?: Record<Scenario, number>;
  seed: number;
}

function streamNames(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.hex(32));
}

function levelAllows(stageLevel: LoggingLevel, messageLevel: 'INFO' | 'ERROR') {
  if (stageLevel === 'OFF') return false;
  return stageLevel === 'INFO' || messageLevel === 'ERROR';
}

/** The effective level of one method, as API Gateway resolves it. */
function methodLevel(
  stage: EstateStage,
  httpMethod: string,
  resource: string,
): LoggingLevel {
  const key = `${resource.slice(1).replace(/\//g, '~1')}/${httpMethod}`;
  return stage.methodOverrides?.[key] ?? stage.loggingLevel ?? 'OFF';
}

/**
 * Generates the execution-log and access-log events of one stage over a
 * time window: requests at random intervals, each request's events spread
 * over the stage's streams (mostly one, sometimes another) and interleaved
 * with other requests, as CloudWatch holds them.
 */
export function generateStageTraffic(
  api: EstateApi,
  stage: EstateStage,
  options: TrafficOptions,
): StageTraffic {
  const rng = new Rng(options.seed);
  const streams = streamNames(rng, options.streams ?? 50);
  const accessStream = `access-${rng.hex(8)}`;
  const weights = options.weights ?? SCENARIO_WEIGHTS;
  const execution: TrafficEvent[] = [];
  const access: TrafficEvent[] = [];
  const meanGapMs = 60000 / Math.max(options.requestsPerMinute, 1e-6);
  let requests = 0;
  let failures = 0;
  for (
    let t = options.from + rng.next() * meanGapMs;
    t < options.to;
    t += -Math.log(1 - rng.next()) * meanGapMs
  ) {
    const start = Math.floor(t);
    const method = rng.pick(api.methods);
    const id = rng.int(1, 99999);
    const ctx: RequestContext = {
      accountId: api.accountId,
      region: api.region,
      apiId: api.id,
      stage: stage.name,
      httpMethod: method.httpMethod,
      resource: method.resource,
      path: method.resource.replace('{id}', String(id)),
      resourceId: method.resourceId,
      functionName: api.functionName,
      authorizerId: api.authorizerId,
      usagePlanId: api.usagePlanId,
      apiKeyTail: api.apiKeyTail,
    };
    let scenario = rng.weighted(weights);
    if (!api.authorizerId && scenario.startsWith('authorizer'))
      scenario = 'success';
    if (
      !api.usagePlanId &&
      (scenario === 'key-throttled' || scenario === 'quota-exceeded')
    )
      scenario = 'success';
    const request = generateRequest(scenario, ctx, rng);
    requests++;
    if (request.status >= 400) failures++;
    if (api.type !== 'HTTP') {
      const level = methodLevel(stage, method.httpMethod, method.resource);
      const home = rng.pick(streams);
      for (const m of request.messages) {
        if (!levelAllows(level, m.level)) continue;
        execution.push({
          logStreamName: rng.next() < 0.2 ? rng.pick(streams) : home,
          timestamp: start + m.offsetMs,
          message: `(${request.requestId}) ${m.message}`,
        });
      }
    }
    if (stage.accessLog) {
      const ip = `203.0.113.${rng.int(1, 254)}`;
      access.push({
        logStreamName: accessStream,
        timestamp: start + request.latencyMs,
        message: accessLogRecord(api, stage.accessLog, ctx, request, start, ip),
      });
    }
  }
  return { execution, access, requests, failures };
}
