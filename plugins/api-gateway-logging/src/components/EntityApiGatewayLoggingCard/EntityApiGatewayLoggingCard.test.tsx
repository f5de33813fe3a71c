import { screen } from '@testing-library/react';
import {
  fixtures,
  mockApi,
  paymentsApi,
  renderWithApis,
  STAGE_ARN,
} from '../../__testUtils__/render';
import { EntityApiGatewayLoggingCard } from './EntityApiGatewayLoggingCard';

describe('EntityApiGatewayLoggingCard', () => {
  it('shows compliance per stage and the last hour of failures', async () => {
    const api = mockApi();
    await renderWithApis(<EntityApiGatewayLoggingCard />, {
      api,
      entity: paymentsApi,
    });
    expect(await screen.findByText('2 failing')).toBeInTheDocument();
    expect(screen.getByText('compliant')).toBeInTheDocument();
    expect(
      await screen.findByText(String(fixtures.failures.total)),
    ).toBeInTheDocument();
    expect(
      screen.getByText('failed requests in the last hour'),
    ).toBeInTheDocument();
    const query = api.getFailures.mock.calls[0][1]!;
    expect(query.to! - query.from!).toBe(3_600_000);
    expect(
      screen.getByText('Compliance, failures and traces'),
    ).toBeInTheDocument();
  });

  it('names the top four categories and counts the rest as "+N more"', async () => {
    const counts = {
      'integration-error': 9,
      throttled: 8,
      'authorizer-denied': 7,
      'quota-exceeded': 6,
      'api-key-rejected': 2,
      'authorizer-error': 1,
      'integration-timeout': 1,
    };
    await renderWithApis(<EntityApiGatewayLoggingCard />, {
      api: mockApi({
        getFailures: async () => ({ ...fixtures.failures, counts, total: 34 }),
      }),
      entity: paymentsApi,
    });
    expect(await screen.findByText('+3 more categories')).toBeInTheDocument();
    expect(screen.getByText('4')).toBeInTheDocument();
    expect(screen.getByText('Quota exceeded')).toBeInTheDocument();
    expect(screen.queryByText('API key rejected')).toBeNull();
  });

  it('says failures are unknown, not zero, when no log could be read', async () => {
    await renderWithApis(<EntityApiGatewayLoggingCard />, {
      api: mockApi({
        getFailures: async () => ({
          ...fixtures.failures,
          items: [],
          counts: {},
          total: 0,
          searched: [{ ...fixtures.failures.searched[0], stageArn: STAGE_ARN }],
          errors: [{ stageArn: STAGE_ARN, message: 'AccessDenied' }],
        }),
      }),
      entity: {
        ...paymentsApi,
        metadata: { ...paymentsApi.metadata, name: 'unreadable-api' },
      },
    });
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(screen.queryByText('failed requests in the last hour')).toBeNull();
  });
});
