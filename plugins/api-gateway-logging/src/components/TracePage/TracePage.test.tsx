import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  mockApi,
  renderWithApis,
  responseError,
  STAGE_ARN,
} from '../../__testUtils__/render';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { ApiGatewayLoggingApi } from '../../api/ApiGatewayLoggingApi';
import { TracePage } from './TracePage';

const catalogApi = { getEntities: jest.fn(async () => ({ items: [] })) };

function render(url: string, api: Partial<ApiGatewayLoggingApi> = mockApi()) {
  return renderWithApis(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <Routes>
        <Route path="/traces/:requestId" element={<TracePage />} />
      </Routes>
    </TestApiProvider>,
    { api, routeEntries: [url] },
  );
}

describe('TracePage', () => {
  it('shows the trace named by the link', async () => {
    const api = mockApi();
    await render(
      `/traces/17c49216-4487-4749-9c7a-fcd672efc6de?entity=api:default/payments-api&stage=${encodeURIComponent(
        STAGE_ARN,
      )}&around=2026-11-21T06:23:37.738Z`,
      api,
    );
    expect(await screen.findByText('Execution log')).toBeInTheDocument();
    expect(api.getTrace).toHaveBeenCalledWith({
      requestId: '17c49216-4487-4749-9c7a-fcd672efc6de',
      entityRef: 'api:default/payments-api',
      stage: STAGE_ARN,
      around: Date.parse('2026-11-21T06:23:37.738Z'),
    });
  });

  it('asks for the entity when the link has none', async () => {
    const api = mockApi();
    await render('/traces/abc', api);
    expect(await screen.findByText('Find a request')).toBeInTheDocument();
    expect(screen.getByDisplayValue('abc')).toBeInTheDocument();
    expect(api.getTrace).not.toHaveBeenCalled();
  });

  it('says where it looked when nothing was found', async () => {
    const error = await responseError(
      404,
      'No request abc in API-Gateway-Execution-Logs_paymentsv1/prod between 2026-11-20T06:24Z and 2026-11-21T06:24Z.',
      'NotFoundError',
    );
    await render('/traces/abc?entity=api:default/payments-api', {
      getTrace: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/No log event of this request was found/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/API-Gateway-Execution-Logs_paymentsv1\/prod between/),
    ).toBeInTheDocument();
  });
});
