/* eslint-disable no-console */
/*
 * Failures and traces on a busy stage, as real AWS would page them:
 * one REST stage with BENCH_EVENTS (default 2,000,000) execution-log events
 * over 24 hours, from the local estate's traffic generator (about 0.5% of
 * requests failing), read by the plugin's real services through the
 * AWS-behaviour layer at AWS's FilterLogEvents quota (5 requests/s).
 *
 * The layer serves this group's FilterLogEvents itself, as AWS does:
 * streams interleaved in time order, the production any-term pattern
 * evaluated with CloudWatch's syntax, at most 10,000 matches or 1 MB per
 * page, and BENCH_SCAN (default 50,000) events looked at per call, so a
 * selective pattern over a long window answers partly full or empty pages
 * with a nextToken. moto cannot serve this size: its FilterLogEvents
 * re-reads the whole group on every page. AWS does not document how much
 * one call scans; the call counts scale with that guess.
 *
 *   yarn bench:failures
 */
import {
  ExecutionTrace,
  assembleTraces,
  matchesFilterPattern,
  readStageSelector,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  MOTO_CREDENTIALS,
  MotoSeeder,
  startAwsBehaviourProxy,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { EstateApi, SCENARIO_WEIGHTS } from '../dev/estate/estate';
import { generateStageTraffic } from '../dev/estate/traffic';
import { pluginServices } from '../src/__testUtils__/services';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const SCAN = Number(process.env.BENCH_SCAN ?? 50_000);
const LOGS_RATE = 5; // FilterLogEvents: 5 requests/s per account and region
const HOUR = 3_600_000;
const REGION = 'us-east-1';

/** ~0.5% of requests fail, spread over every failure scenario. */
const weights = Object.fromEntries(
  Object.entries(SCENARIO_WEIGHTS).map(([k, w]) => [
    k,
    k === 'success' ? 995 * 8 : w,
  ]),
) as typeof SCENARIO_WEIGHTS;

function api(id: string): EstateApi {
  return {
    name: 'bench',
    type: 'REST',
    accountId: '123456789012',
    region: REGION,
    id,
    methods: [
      { httpMethod: 'POST', resource: '/orders', resourceId: 'b00001' },
      { httpMethod: 'GET', resource: '/orders/{id}', resourceId: 'b00002' },
    ],
    functionName: 'bench-handler',
    authorizerId: 'bauth1',
    usagePlanId: 'bplan1',
    apiKeyTail: 'Bq9xZt',
    stages: [],
  };
}

/** A failing request of the traffic whose first event is nearest `time`. */
function failingNear(traces: ExecutionTrace[], time: number): ExecutionTrace {
  return traces
    .filter(t => t.failure && t.startTime !== undefined)
    .sort(
      (a, b) => Math.abs(a.startTime! - time) - Math.abs(b.startTime! - time),
    )[0];
}

async function main() {
  const moto = await startMoto();
  try {
    const seeder = new MotoSeeder(moto.endpoint, REGION);
    const apiId = await seeder.restApi('bench');
    await seeder.restStage(apiId, 'prod', {
      patch: [{ path: '/*/*/logging/loglevel', value: 'INFO' }],
    });
    const group = `API-Gateway-Execution-Logs_${apiId}/prod`;
    const to = Date.now();
    const from = to - 24 * HOUR;

    const genStart = Date.now();
    // About 13 events per request at INFO: aim the rate at EVENTS.
    const stage = {
      name: 'prod',
      loggingLevel: 'INFO' as const,
      requestsPerMinute: 0,
    };
    const sample = generateStageTraffic(api(apiId), stage, {
      from: to - HOUR,
      to,
      requestsPerMinute: 60,
      streams: 300,
      weights,
      seed: 1,
    });
    const perRequest = sample.execution.length / sample.requests;
    const traffic = generateStageTraffic(api(apiId), stage, {
      from,
      to,
      requestsPerMinute: EVENTS / perRequest / (24 * 60),
      streams: 300,
      weights,
      seed: 20261130,
    });
    const events = traffic.execution.sort((a, b) => a.timestamp - b.timestamp);
    const failing = assembleTraces(
      events.filter(e => /status: [45]\d\d|failed|exceeded/i.test(e.message)),
    ).filter(t => t.failure);
    console.log(
      `Generated ${events.length.toLocaleString()} events over 300 streams in 24 h: ${traffic.requests.toLocaleString()} requests, ${
        traffic.failures
      } failing (${((100 * traffic.failures) / traffic.requests).toFixed(
        2,
      )}%), in ${((Date.now() - genStart) / 1000).toFixed(1)} s`,
    );

    const proxy = await startAwsBehaviourProxy(moto.endpoint, {
      filterPattern: matchesFilterPattern,
      logGroups: { [group]: events },
      scanEventsPerCall: SCAN,
    });
    const { failures, traces, aws } = await pluginServices({
      aws: { mainAccount: MOTO_CREDENTIALS },
      apiGatewayLogging: {
        aws: { endpoint: proxy.endpoint, logsRequestsPerSecond: LOGS_RATE },
        failures: {
          filterPatternMode: 'any-term',
          insights: { enabled: false },
        },
      },
    });
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'bench',
        namespace: 'default',
        annotations: {
          'aws.amazon.com/api-gateway-stage-arn': `arn:aws:apigateway:${REGION}::/restapis/${apiId}/stages/prod`,
        },
      },
    };
    const linked = {
      entity,
      entityRef: 'api:default/bench',
      selector: readStageSelector(entity)!,
    };

    const rows: string[][] = [];
    const measure = async (name: string, run: () => Promise<string>) => {
      const before = aws.stats().byCommand.FilterLogEvents ?? 0;
      const started = Date.now();
      const outcome = await run().catch(
        e => `error: ${e.message.slice(0, 80)}`,
      );
      const seconds = (Date.now() - started) / 1000;
      const calls = (aws.stats().byCommand.FilterLogEvents ?? 0) - before;
      rows.push([
        name,
        String(calls),
        seconds.toFixed(1),
        (calls / LOGS_RATE).toFixed(1),
        outcome,
      ]);
    };
    const page = { offset: 0, limit: 100 };
    await measure('failures, last hour', async () => {
      const r = await failures.listFailures(linked, {
        from: to - HOUR,
        to,
        ...page,
      });
      return `${r.total} failing, ${
        r.truncated
          ? `searched from ${new Date(r.searchedFrom!)
              .toISOString()
              .slice(11, 16)}`
          : 'complete'
      }`;
    });
    await measure('failures, 24 hours', async () => {
      const r = await failures.listFailures(linked, { from, to, ...page });
      return `${r.total} failing, ${
        r.truncated
          ? `searched back to ${new Date(r.searchedFrom!)
              .toISOString()
              .slice(11, 16)} UTC`
          : 'complete'
      }`;
    });
    const recent = failingNear(failing, to - HOUR / 2);
    const old = failingNear(failing, from + HOUR);
    const found = async (requestId: string, around?: number) => {
      const r = await traces.getTrace(linked, { requestId, around });
      return r.found
        ? `found, ${r.trace?.events.length} events`
        : `not found yet, searched ${
            r.searched.complete
              ? 'all'
              : `from ${new Date(r.searched.searchedFrom!)
                  .toISOString()
                  .slice(11, 16)} UTC`
          }`;
    };
    await measure('trace, with its time (±15 min)', () =>
      found(recent.requestId, recent.startTime),
    );
    await measure('trace, no time, 30 min old', () => found(recent.requestId));
    await measure('trace, no time, 23 h old', () => found(old.requestId));

    const widths = [32, 7, 8, 14, 40];
    const line = (cells: string[]) =>
      cells
        .map((c, i) =>
          i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]),
        )
        .join(' ');
    console.log(
      `\n${line(['query', 'calls', 'wall s', 'floor s (5/s)', 'result'])}`,
    );
    rows.forEach(r => console.log(line(r)));
    console.log(
      `\nFilterLogEvents at ${LOGS_RATE}/s (AWS's quota); ${SCAN.toLocaleString()} events looked at per call; request deadline 25 s.`,
    );
    await proxy.stop();
  } finally {
    await moto.stop();
  }
}

main()
  .then(
    // Moto is stopped; the services' caches and AWS clients keep timers
    // that are not worth waiting for (the bench used to hang here).
    () => process.exit(0),
  )
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
