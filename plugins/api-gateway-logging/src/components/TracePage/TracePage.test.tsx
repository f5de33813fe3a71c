import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import {
  fixtures,
  mockApi,
  renderWithApis,
  responseError,
  STAGE_ARN,
} from '../../__testUtils__/render';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { ApiGatewayLoggingApi } from '../../api/ApiGatewayLoggingApi';
import { TracePage } from './TracePage';

const catalogApi = {
  getEntities: jest.fn(async () => ({ items: [] })),
  getEntityByRef: jest.fn(async () => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments-api', title: 'Payments API' },
  })),
};

const ID = fixtures.trace.requestId;

/** Shows where the page navigated to. */
function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{`${pathname}${search}`}</output>;
}

function render(url: string, api: Partial<ApiGatewayLoggingApi> = mockApi()) {
  return renderWithApis(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <Routes>
        <Route path="/traces/:requestId" element={<TracePage />} />
        <Route path="*" element={<TracePage />} />
      </Routes>
      <Where />
    </TestApiProvider>,
    { api, routeEntries: [url] },
  );
}

describe('TracePage', () => {
  it('shows the trace of a short link: the API by title, the stage by name', async () => {
    const api = mockApi();
    await render(
      `/traces/${ID}?entity=payments-api&stage=prod&around=2026-11-21T06:23Z`,
      api,
    );
    expect(await screen.findByText('Execution log')).toBeInTheDocument();
    // The backend reads a stage name as written.
    expect(api.getTrace).toHaveBeenCalledWith({
      requestId: ID,
      entityRef: 'api:default/payments-api',
      stage: 'prod',
      around: Date.parse('2026-11-21T06:23:00Z'),
    });
    expect(await screen.findByText('Payments API')).toBeInTheDocument();
    expect(screen.queryByText('api:default/payments-api')).toBeNull();
    const back = screen.getByRole('link', { name: /Failures of Payments API/ });
    expect(back.getAttribute('href')).toBe(
      '/catalog/default/api/payments-api/api-gateway-logging?stage=prod',
    );
    expect(
      screen.getByRole('button', { name: /Copy link/ }),
    ).toBeInTheDocument();
  });

  it('reads a stage ARN too, and links the request in the CloudWatch console', async () => {
    const api = mockApi();
    await render(
      `/traces/${ID}?entity=api:default/payments-api&stage=${encodeURIComponent(
        STAGE_ARN,
      )}`,
      api,
    );
    expect(await screen.findByText('Execution log')).toBeInTheDocument();
    expect(api.getTrace).toHaveBeenCalledWith(
      expect.objectContaining({ stage: STAGE_ARN }),
    );
    const link = document.querySelector('a[href*="console.aws.amazon.com"]');
    expect(link?.textContent).toMatch(
      /^API-Gateway-Execution-Logs_paymentsv1\/prod/,
    );
    expect(link?.getAttribute('href')).toMatch(
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#logsV2:log-groups\/log-group\/API-Gateway-Execution-Logs_paymentsv1\$252Fprod\/log-events\$3FfilterPattern\$3D\$2522/,
    );
  });

  it('asks for the entity when the link has none', async () => {
    const api = mockApi();
    await render('/traces/abc', api);
    expect(await screen.findByText('Find a request')).toBeInTheDocument();
    // Labels are tied to their inputs.
    expect(screen.getByLabelText(/Request id/)).toHaveValue('abc');
    expect(api.getTrace).not.toHaveBeenCalled();
  });

  it('keeps the form, filled in, when nothing was found, and searches again in place', async () => {
    const error = await responseError(
      404,
      'No request abc in API-Gateway-Execution-Logs_paymentsv1/prod between 2026-11-20T06:24:00.000Z and 2026-11-21T06:24:00.000Z. Check the request id and the stage, or give the time it happened (around=) if it is older.',
      'NotFoundError',
    );
    await render('/traces/abc?entity=payments-api&stage=prod', {
      getTrace: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(
        /API-Gateway-Execution-Logs_paymentsv1\/prod between/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/around=/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Copy link/ })).toBeNull();
    const id = screen.getByLabelText(/Request id/);
    expect(id).toHaveValue('abc');
    await userEvent.clear(id);
    await userEvent.type(id, ID);
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        `/api-gateway-logging/traces/${ID}?entity=payments-api&stage=prod`,
      ),
    );
  });

  it('says what a search that stopped early covered', async () => {
    await render('/traces/abc?entity=payments-api', {
      getTrace: async () => ({
        entityRef: 'api:default/payments-api',
        requestId: 'abc',
        found: false,
        searched: {
          logGroupNames: ['API-Gateway-Execution-Logs_paymentsv1/prod'],
          from: Date.parse('2026-11-20T06:00:00Z'),
          to: Date.parse('2026-11-21T06:00:00Z'),
          complete: false,
          searchedFrom: Date.parse('2026-11-21T02:00:00Z'),
        },
        errors: [],
      }),
    });
    expect(
      await screen.findByText(/Not found in the part of the logs searched/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Request id/)).toHaveValue('abc');
    expect(screen.queryByRole('button', { name: /Copy link/ })).toBeNull();
  });

  it('keeps the trace with a ticket link, then says who kept it and when', async () => {
    const api = mockApi({
      keepTrace: jest.fn(async () => ({
        ...fixtures.trace,
        kept: {
          by: 'user:default/jane',
          at: '2026-11-30T14:02:00.000Z',
          ticketUrl: 'https://tickets.example.com/INC-42',
        },
      })),
    });
    await render(
      `/traces/${ID}?entity=payments-api&stage=prod&around=2026-11-21T06:23Z`,
      api,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Keep this trace' }),
    );
    const field = await screen.findByLabelText(/Ticket link/);
    await userEvent.type(field, 'INC-42');
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(await screen.findByText(/This is not a link/)).toBeInTheDocument();
    expect(api.keepTrace).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, 'https://tickets.example.com/INC-42');
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    await waitFor(() =>
      expect(api.keepTrace).toHaveBeenCalledWith(ID, {
        entity: 'api:default/payments-api',
        stage: 'prod',
        around: '2026-11-21T06:23:00.000Z',
        ticketUrl: 'https://tickets.example.com/INC-42',
      }),
    );
    expect(await screen.findByText(/Kept by jane on/)).toBeInTheDocument();
    expect(
      document.querySelector('a[href="https://tickets.example.com/INC-42"]'),
    ).not.toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Keep this trace' }),
    ).toBeNull();
  });

  it('says why a trace could not be kept, keeping the dialog open', async () => {
    const denied = await responseError(403, 'traces.read is not allowed');
    await render(
      `/traces/${ID}?entity=payments-api`,
      mockApi({
        keepTrace: async () => {
          throw denied;
        },
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Keep this trace' }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Keep' }));
    expect(
      await screen.findByText(/not allowed to keep the traces of this API/),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows a kept copy, with a banner, when the logs are gone', async () => {
    await render(
      `/traces/${ID}?entity=payments-api&stage=prod`,
      mockApi({
        getTrace: async () => ({
          ...fixtures.trace,
          source: 'kept' as const,
          kept: { by: 'user:default/jane', at: '2026-11-30T14:02:00.000Z' },
        }),
      }),
    );
    expect(
      await screen.findByText(
        'The logs of this request are gone: this is the copy that was kept',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Kept by jane on/).length).toBeGreaterThan(0);
    expect(screen.getByText('Execution log')).toBeInTheDocument();
    // Nothing left to see in CloudWatch.
    expect(
      document.querySelector('a[href*="console.aws.amazon.com"]'),
    ).toBeNull();
  });
});
