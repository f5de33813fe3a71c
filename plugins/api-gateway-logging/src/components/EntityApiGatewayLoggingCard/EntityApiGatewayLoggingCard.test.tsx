import { screen } from '@testing-library/react';
import {
  mockApi,
  paymentsApi,
  renderWithApis,
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
    expect(await screen.findByText('32')).toBeInTheDocument();
    expect(
      screen.getByText('failed requests in the last hour'),
    ).toBeInTheDocument();
    const query = api.getFailures.mock.calls[0][1]!;
    expect(query.to! - query.from!).toBe(3_600_000);
    expect(
      screen.getByText('Compliance, failures and traces'),
    ).toBeInTheDocument();
  });
});
