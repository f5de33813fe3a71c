import { CloudWatchLogSource } from './CloudWatchLogSource';
import { InsightsReader } from './InsightsReader';
import { LogEventReader } from './LogEventReader';

const HOUR = 3_600_000;
const location = {
  sourceId: 'cloudwatch',
  kind: 'execution' as const,
  name: 'API-Gateway-Execution-Logs_abc/prod',
  target: { region: 'us-east-1' },
};
const stage = (overrides: object = {}) => ({
  arn: 'arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod',
  stage: {
    apiId: 'abc',
    apiType: 'REST' as const,
    stageName: 'prod',
    overrides: [],
    tags: {},
    ...overrides,
  },
  location: { partition: 'aws', region: 'us-east-1' },
  target: { region: 'us-east-1' },
});

function source(groups: string[] = []) {
  const filter = {
    read: jest
      .fn()
      .mockResolvedValue({ events: [], complete: true, readTo: 0, calls: 1 }),
  };
  const insights = {
    query: jest
      .fn()
      .mockResolvedValue({ events: [], complete: true, readFrom: 0, calls: 2 }),
  };
  const cw = new CloudWatchLogSource({
    reader: filter as unknown as LogEventReader,
    access: {
      executionLogGroups: new Map(),
      allowedPatterns: ['/central/apigw/*'],
    },
    filterPatternMode: 'any-term',
    maxCallsPerRead: 100,
    insights: {
      reader: insights as unknown as InsightsReader,
      thresholdMs: 6 * HOUR,
    },
    logGroups: {
      listByPrefix: async () => ({
        items: groups.map(name => ({ name, exists: true })),
        complete: true,
      }),
    },
  });
  return { cw, filter, insights };
}

describe('CloudWatchLogSource', () => {
  it('reads short windows with FilterLogEvents and long ones with Logs Insights', async () => {
    const { cw, filter, insights } = source();
    const select = { kind: 'failures' as const };
    await cw.read({ location, from: 0, to: HOUR, select, maxEvents: 100 });
    expect(filter.read).toHaveBeenCalledTimes(1);
    expect(insights.query).not.toHaveBeenCalled();
    await cw.read({ location, from: 0, to: 24 * HOUR, select, maxEvents: 100 });
    expect(insights.query).toHaveBeenCalledTimes(1);
    expect(insights.query.mock.calls[0][0].queryString).toContain(
      'sort @timestamp desc',
    );
  });

  it('locates the stage’s own group, the access destination AWS reports, and notes a Firehose one', async () => {
    const { cw } = source();
    const located = await cw.locate(
      stage({
        accessLog: {
          destinationArn:
            'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x',
        },
      }),
    );
    expect(located.locations.map(l => [l.kind, l.name])).toEqual([
      ['execution', 'API-Gateway-Execution-Logs_abc/prod'],
    ]);
    expect(located.notes[0].message).toContain('Firehose');
    const crossRegion = await cw.locate(
      stage({
        accessLog: {
          destinationArn:
            'arn:aws:logs:eu-west-1:123456789012:log-group:/access/x',
        },
      }),
    );
    expect(crossRegion.locations[1]).toMatchObject({
      kind: 'access',
      name: '/access/x',
      target: { region: 'eu-west-1' },
    });
  });

  it('looks for a WebSocket stage’s execution log group and says when it is not there', async () => {
    const ws = stage({ apiType: 'WEBSOCKET' });
    const missing = await source([
      'API-Gateway-Execution-Logs_abc/dev',
    ]).cw.locate(ws);
    expect(missing.notes[0]).toMatchObject({ kind: 'execution' });
    expect(missing.notes[0].message).toContain(
      'looked for API-Gateway-Execution-Logs_abc/prod (groups under API-Gateway-Execution-Logs_abc/: API-Gateway-Execution-Logs_abc/dev)',
    );
    const found = await source([
      'API-Gateway-Execution-Logs_abc/prod',
    ]).cw.locate(ws);
    expect(found.notes).toEqual([]);
  });

  it('refuses an annotation naming a group the operator did not allow', async () => {
    const { cw } = source();
    const withAnnotation = (group: string) => ({
      ...stage(),
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: 'x',
          annotations: {
            'aws.amazon.com/api-gateway-execution-log-group': group,
          },
        },
      },
    });
    await expect(
      cw.locate(withAnnotation('/aws/lambda/payments')),
    ).rejects.toThrow('apiGatewayLogging.allowedLogGroupPatterns');
    const allowed = await cw.locate(
      withAnnotation('/central/apigw/{apiId}-{stage}'),
    );
    expect(allowed.locations[0].name).toBe('/central/apigw/abc-prod');
  });
});
