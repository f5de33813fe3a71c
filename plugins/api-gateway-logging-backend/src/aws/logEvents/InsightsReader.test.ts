import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { createAwsAccess } from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  MOTO_CREDENTIALS,
  MotoServer,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { mockClient } from 'aws-sdk-client-mock';
import { fakeAwsAccess } from '../../__testUtils__/fakeAwsAccess';
import { InsightsReader } from './InsightsReader';

jest.setTimeout(120_000);

const target = { region: 'us-east-1' };
const query = (overrides = {}) => ({
  target,
  logGroupName: 'API-Gateway-Execution-Logs_abc/prod',
  queryString: 'fields @timestamp, @message | limit 3',
  startTime: Date.parse('2026-11-29T00:00:00Z'),
  endTime: Date.parse('2026-11-30T00:00:00Z'),
  limit: 3,
  ...overrides,
});

/*
 * Real AWS: moto cannot evaluate Insights' `filter`, so these use the
 * response shapes of the SDK's service model (logs 2014-03-28:
 * GetQueryResults returns `status` Scheduled | Running | Complete | Failed |
 * Cancelled | Timeout | Unknown, and `results` as rows of {field, value},
 * `@timestamp` as `yyyy-MM-dd HH:mm:ss.SSS`).
 */
describe('InsightsReader, with AWS response shapes', () => {
  const logs = new CloudWatchLogsClient({ region: 'us-east-1' });
  const mock = mockClient(logs);
  const reader = (maxConcurrentQueries = 10) =>
    new InsightsReader(
      fakeAwsAccess(() => logs),
      {
        maxConcurrentQueries,
        pollIntervalMs: 5,
      },
    );
  const row = (time: string, message: string) => [
    { field: '@timestamp', value: time },
    { field: '@message', value: message },
    { field: '@logStream', value: 'abc' },
    { field: '@ptr', value: 'CmAKJ...' },
  ];

  beforeEach(() => mock.reset());

  it('polls until the query completes and returns its rows oldest first', async () => {
    mock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    mock
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Scheduled', results: [] })
      .resolvesOnce({ status: 'Running', results: [] })
      .resolves({
        status: 'Complete',
        results: [
          row(
            '2026-11-29 12:00:02.000',
            '(r-2) Method completed with status: 502',
          ),
          row(
            '2026-11-29 12:00:01.000',
            '(r-1) Method completed with status: 429',
          ),
        ],
        statistics: {
          recordsMatched: 2,
          recordsScanned: 90000,
          bytesScanned: 1e7,
        },
      });
    const read = await reader().query(query());
    expect(read).toMatchObject({ complete: true, calls: 4 });
    expect(read.events.map(e => e.timestamp)).toEqual([
      Date.parse('2026-11-29T12:00:01Z'),
      Date.parse('2026-11-29T12:00:02Z'),
    ]);
    const start = mock.commandCalls(StartQueryCommand)[0].args[0].input;
    expect(start).toMatchObject({
      startTime: Date.parse('2026-11-29T00:00:00Z') / 1000,
      endTime: Date.parse('2026-11-30T00:00:00Z') / 1000 - 1,
    });
  });

  it('says a full answer is incomplete, and from when it covers the window', async () => {
    mock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    mock.on(GetQueryResultsCommand).resolves({
      status: 'Complete',
      results: [
        row('2026-11-29 23:00:00.000', 'c'),
        row('2026-11-29 22:00:00.000', 'b'),
        row('2026-11-29 21:00:00.000', 'a'),
      ],
    });
    const read = await reader().query(query());
    expect(read.complete).toBe(false);
    expect(read.readFrom).toBe(Date.parse('2026-11-29T21:00:00Z'));
  });

  it('stops a query at the deadline and reports it incomplete', async () => {
    mock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    mock
      .on(GetQueryResultsCommand)
      .resolves({ status: 'Running', results: [] });
    mock.on(StopQueryCommand).resolves({ success: true });
    const read = await reader().query(query({ deadline: Date.now() + 50 }));
    expect(read.complete).toBe(false);
    expect(mock.commandCalls(StopQueryCommand)).toHaveLength(1);
  });

  it('turns a failed query into an error that says so', async () => {
    mock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    mock.on(GetQueryResultsCommand).resolves({ status: 'Failed' });
    await expect(reader().query(query())).rejects.toThrow('ended Failed');
  });

  it('runs at most the configured queries at once per account and region', async () => {
    let running = 0;
    let most = 0;
    mock.on(StartQueryCommand).callsFake(async () => {
      running++;
      most = Math.max(most, running);
      return { queryId: 'q' };
    });
    mock.on(GetQueryResultsCommand).callsFake(async () => {
      await new Promise(r => setTimeout(r, 20));
      running--;
      return { status: 'Complete', results: [] };
    });
    const r = reader(2);
    await Promise.all(Array.from({ length: 6 }, () => r.query(query())));
    expect(most).toBe(2);
  });
});

/* The wire protocol, against moto (which runs fields, sort and limit). */
describe('InsightsReader, against moto', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it('starts a query and reads its rows back', async () => {
    const logs = new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: MOTO_CREDENTIALS,
    });
    const logGroupName = 'API-Gateway-Execution-Logs_insights/prod';
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(
      new CreateLogStreamCommand({ logGroupName, logStreamName: 's' }),
    );
    const now = Date.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName: 's',
        logEvents: [1, 2, 3].map(i => ({
          timestamp: now - 60_000 + i,
          message: `(3323ffe5-6ddf-45c8-896a-b45ec228400${i}) Method completed with status: 50${i}`,
        })),
      }),
    );
    const aws = createAwsAccess({
      config: new ConfigReader({
        aws: { mainAccount: MOTO_CREDENTIALS },
        apiGatewayLogging: { aws: { endpoint: moto.endpoint } },
      }),
    });
    const read = await new InsightsReader(aws, {
      maxConcurrentQueries: 2,
      pollIntervalMs: 10,
    }).query({
      target,
      logGroupName,
      queryString:
        'fields @timestamp, @message, @logStream | sort @timestamp desc | limit 10',
      startTime: now - 3_600_000,
      endTime: now + 1000,
      limit: 10,
    });
    expect(read.complete).toBe(true);
    expect(read.events.map(e => e.message)).toEqual([
      '(3323ffe5-6ddf-45c8-896a-b45ec2284001) Method completed with status: 501',
      '(3323ffe5-6ddf-45c8-896a-b45ec2284002) Method completed with status: 502',
      '(3323ffe5-6ddf-45c8-896a-b45ec2284003) Method completed with status: 503',
    ]);
    expect(read.events[0].timestamp).toBe(now - 60_000 + 1);
  });
});
