/*
 * Failures query benchmark: seeds moto with one hour of interleaved
 * execution logs (>= 200,000 events over 60 streams, about 0.5% of requests
 * failing) and compares the failures query (failure lines selected on the
 * server side, then only those parsed) with a naive full scan of the window.
 *
 *   yarn bench:failures
 *
 * moto honours only single exact-phrase filter patterns, so the query runs
 * in `exact-phrase` mode here (against AWS the default `any-term` mode sends
 * one OR pattern instead of one call per phrase).
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  assembleTraces,
  isFailureMessage,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { EstateApi, SCENARIO_WEIGHTS } from '../dev/estate/estate';
import { putEvents } from '../dev/estate/seed';
import { generateStageTraffic } from '../dev/estate/traffic';
import {
  AwsCaller,
  LogEvent,
  RateLimiter,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { LogEventReader } from '../src/aws/logEvents/LogEventReader';
import { failurePatterns } from '../src/aws/logEvents/filterPatterns';
import {
  MOTO_CREDENTIALS,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';

const LOGS_RATE = 5; // FilterLogEvents: 5 requests/s per account and region
const REGION = 'us-east-1';

const api: EstateApi = {
  name: 'bench',
  type: 'REST',
  accountId: '123456789012',
  region: REGION,
  id: 'benchapi01',
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
const stage = {
  name: 'prod',
  loggingLevel: 'INFO' as const,
  requestsPerMinute: 130,
};
const logGroupName = `API-Gateway-Execution-Logs_${api.id}/${stage.name}`;

/** ~0.5% of requests fail, spread over every failure scenario. */
const weights = Object.fromEntries(
  Object.entries(SCENARIO_WEIGHTS).map(([k, w]) => [
    k,
    k === 'success' ? 995 * 8 : w,
  ]),
) as typeof SCENARIO_WEIGHTS;

interface Measured {
  calls: number;
  bytes: number;
  seconds: number;
  events: number;
  failing: number;
}

async function measure(
  endpoint: string,
  run: (reader: LogEventReader) => Promise<LogEvent[]>,
): Promise<Measured> {
  let bytes = 0;
  const client = new CloudWatchLogsClient({
    endpoint,
    region: REGION,
    credentials: MOTO_CREDENTIALS,
  });
  client.middlewareStack.add(
    next => async args => {
      const result: any = await next(args);
      bytes += Number(result.response?.headers?.['content-length'] ?? 0);
      return result;
    },
    { step: 'deserialize', name: 'countBytes' },
  );
  const caller = new AwsCaller({
    limiter: new RateLimiter(() => LOGS_RATE),
    requestTimeoutMs: 60000,
  });
  const reader = new LogEventReader({
    client: async () => client as any,
    call: (target, op, send, options) => caller.call(target, op, send, options),
    stats: () => caller.stats(),
  });
  const started = process.hrtime.bigint();
  const events = await run(reader);
  const failing = assembleTraces(events).filter(t => t.failure).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    calls: caller.stats().total,
    bytes,
    seconds,
    events: events.length,
    failing,
  };
}

async function main() {
  const moto = await startMoto();
  try {
    const to = Date.now();
    const from = to - 3_600_000;
    const traffic = generateStageTraffic(api, stage, {
      from,
      to,
      requestsPerMinute: stage.requestsPerMinute,
      streams: 60,
      weights,
      seed: 20261121,
    });
    const logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: REGION,
      credentials: MOTO_CREDENTIALS,
    });
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    const seedStart = Date.now();
    await putEvents(logs, logGroupName, traffic.execution);
    const streams = new Set(traffic.execution.map(e => e.logStreamName)).size;
    console.log(
      `Seeded ${traffic.execution.length} events over ${streams} streams: ${
        traffic.requests
      } requests, ${traffic.failures} failing (${(
        (100 * traffic.failures) /
        traffic.requests
      ).toFixed(2)}%), in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const window = {
      target: { region: REGION },
      logGroupName,
      startTime: from,
      endTime: to + 60_000,
    };
    const limits = { maxEvents: 10_000_000, maxCalls: 10_000 };

    const query = await measure(moto.endpoint, async reader => {
      const events: LogEvent[] = [];
      for (const filterPattern of failurePatterns('exact-phrase')) {
        const page = await reader.read({ ...window, filterPattern }, limits);
        events.push(...page.events.filter(e => isFailureMessage(e.message)));
      }
      return events;
    });
    const scan = await measure(
      moto.endpoint,
      async reader => (await reader.read(window, limits)).events,
    );

    const row = (name: string, m: Measured) =>
      `${name.padEnd(22)} ${String(m.calls).padStart(6)} ${(m.bytes / 1e6)
        .toFixed(2)
        .padStart(10)} ${m.seconds.toFixed(2).padStart(9)} ${String(
        m.events,
      ).padStart(9)} ${String(m.failing).padStart(8)}`;
    console.log(
      `\n${'query'.padEnd(22)} ${'calls'.padStart(6)} ${'MB recv'.padStart(
        10,
      )} ${'wall s'.padStart(9)} ${'events'.padStart(9)} ${'failing'.padStart(
        8,
      )}`,
    );
    console.log(row('failures query', query));
    console.log(row('naive full scan', scan));
    console.log(
      `\nratios (scan / query): calls ${(scan.calls / query.calls).toFixed(
        1,
      )}x, bytes ${(scan.bytes / Math.max(query.bytes, 1)).toFixed(
        1,
      )}x, wall time ${(scan.seconds / query.seconds).toFixed(1)}x`,
    );
    console.log(
      `failing requests found: query ${query.failing}, scan ${
        query.failing === scan.failing
          ? scan.failing
          : `${scan.failing} (MISMATCH)`
      }, generated ${traffic.failures}`,
    );
    console.log(
      `rate limit: FilterLogEvents at ${LOGS_RATE}/s per account and region (the AWS quota)`,
    );
  } finally {
    await moto.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
