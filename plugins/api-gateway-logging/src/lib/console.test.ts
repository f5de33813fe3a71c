import { cloudWatchLogEventsUrl, consoleOrigin } from './console';

describe('CloudWatch console links', () => {
  it.each([
    ['us-east-1', 'https://us-east-1.console.aws.amazon.com'],
    ['eu-central-2', 'https://eu-central-2.console.aws.amazon.com'],
    ['cn-north-1', 'https://console.amazonaws.cn'],
    ['us-gov-west-1', 'https://console.amazonaws-us-gov.com'],
    ['us-iso-east-1', undefined],
    ['us-isob-east-1', undefined],
    ['not a region', undefined],
  ])('%s', (region, origin) => {
    expect(consoleOrigin(region)).toBe(origin);
  });

  it('filters one log group on the request id over the window, in the stage region', () => {
    expect(
      cloudWatchLogEventsUrl({
        region: 'cn-north-1',
        logGroupName: 'API-Gateway-Execution-Logs_a1/prod',
        requestId: 'abc-1',
        from: 1000,
        to: 2000,
      }),
    ).toBe(
      'https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1#logsV2:log-groups/log-group/API-Gateway-Execution-Logs_a1$252Fprod/log-events$3FfilterPattern$3D$2522abc-1$2522$26start$3D1000$26end$3D2000',
    );
    expect(
      cloudWatchLogEventsUrl({
        region: 'us-iso-east-1',
        logGroupName: 'g',
        requestId: 'r',
        from: 0,
        to: 1,
      }),
    ).toBeUndefined();
  });
});
