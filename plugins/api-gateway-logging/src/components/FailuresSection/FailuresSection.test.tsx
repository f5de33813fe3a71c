import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fixtures,
  mockApi,
  paymentsApi,
  renderWithApis,
  STAGE_ARN,
} from '../../__testUtils__/render';
import { FailuresSection } from './FailuresSection';

const entity = { kind: 'API', namespace: 'default', name: 'payments-api' };

function render(api = mockApi()) {
  return renderWithApis(
    <FailuresSection entity={entity} stageArns={[STAGE_ARN]} />,
    { api, entity: paymentsApi },
  );
}

describe('FailuresSection', () => {
  it('pages with the server cursor, keeping the window', async () => {
    const api = mockApi();
    await render(api);
    expect(await screen.findByText(/1–3 of 32/)).toBeInTheDocument();
    const first = api.getFailures.mock.calls[0][1]!;
    expect(first.cursor).toBeUndefined();
    expect(first.to! - first.from!).toBe(3_600_000);
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(api.getFailures).toHaveBeenCalledTimes(2));
    const second = api.getFailures.mock.calls[1][1]!;
    expect(second.cursor).toBe(fixtures.failures.nextCursor);
    expect([second.from, second.to]).toEqual([first.from, first.to]);
  });

  it('warns about stages whose logs could not be read', async () => {
    await render(
      mockApi({
        getFailures: async () => ({
          ...fixtures.failures,
          errors: [
            {
              stageArn: STAGE_ARN,
              logGroupName: 'API-Gateway-Execution-Logs_paymentsv1/prod',
              message:
                'AccessDeniedException: not authorized to FilterLogEvents',
            },
          ],
        }),
      }),
    );
    expect(
      await screen.findByText(/1 stage could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/not authorized to FilterLogEvents/),
    ).toBeInTheDocument();
  });

  it('says which window and log groups were searched when nothing failed', async () => {
    await render(
      mockApi({
        getFailures: async () => ({
          ...fixtures.failures,
          items: [],
          total: 0,
          counts: {},
          nextCursor: undefined,
        }),
      }),
    );
    expect(
      await screen.findByText('No failed requests in this window'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/API-Gateway-Execution-Logs_paymentsv1\/prod/),
    ).toBeInTheDocument();
  });

  it('opens the trace of a request, with a link to share', async () => {
    const api = mockApi();
    await render(api);
    await userEvent.click(
      await screen.findByText('c0e682e1-bf50-40b9-b768-1624495f83da'),
    );
    expect(await screen.findByText('Execution log')).toBeInTheDocument();
    expect(api.getTrace).toHaveBeenCalledWith(
      expect.objectContaining({
        requestId: 'c0e682e1-bf50-40b9-b768-1624495f83da',
        entityRef: 'api:default/payments-api',
        stage: STAGE_ARN,
      }),
    );
    const link = screen.getByRole('button', { name: /Copy link/ });
    const url = new URL(link.getAttribute('data-trace-link')!);
    expect(url.pathname).toBe(
      '/api-gateway-logging/traces/c0e682e1-bf50-40b9-b768-1624495f83da',
    );
    expect(url.searchParams.get('entity')).toBe('api:default/payments-api');
    expect(url.searchParams.get('stage')).toBe(STAGE_ARN);
    expect(url.searchParams.get('around')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
