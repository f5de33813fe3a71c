import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  fixtures,
  mockApi,
  paymentsApi,
  renderWithApis,
  responseError,
  STAGE_ARN,
} from '../../__testUtils__/render';
import { FailuresSection } from './FailuresSection';

const entity = { kind: 'API', namespace: 'default', name: 'payments-api' };
const STAGING_ARN = STAGE_ARN.replace(/prod$/, 'staging');
const FIRST = fixtures.failures.items[0].requestId;

/** Shows the URL's query, to check the filters are kept in it. */
function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function render(api = mockApi(), url = '/') {
  return renderWithApis(
    <>
      <FailuresSection
        entity={entity}
        stages={[
          { arn: STAGE_ARN, stageName: 'prod', apiId: 'paymentsv1' },
          { arn: STAGING_ARN, stageName: 'staging', apiId: 'paymentsv1' },
        ]}
      />
      <Search />
    </>,
    { api, entity: paymentsApi, routeEntries: [url] },
  );
}

// The Table renders many cells: slow on a shared CI machine.
jest.setTimeout(20_000);

describe('FailuresSection', () => {
  it("pages in the Table's own pager with the server cursor, keeping the window", async () => {
    // The backend pages by the limit asked for; 120 failures in all.
    const api = mockApi({
      getFailures: jest.fn(async () => ({ ...fixtures.failures, total: 120 })),
    });
    await render(api);
    expect((await screen.findAllByText('1-50 of 120')).length).toBeGreaterThan(
      0,
    );
    const first = api.getFailures.mock.calls[0][1]!;
    expect(first.cursor).toBeUndefined();
    expect(first.limit).toBe(50);
    expect(first.to! - first.from!).toBe(3_600_000);
    expect(screen.getAllByRole('row').length).toBeGreaterThan(3);
    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() => expect(api.getFailures).toHaveBeenCalledTimes(2));
    const second = api.getFailures.mock.calls[1][1]!;
    expect(second.cursor).toBe(fixtures.failures.nextCursor);
    expect([second.from, second.to]).toEqual([first.from, first.to]);
    expect(
      (await screen.findAllByText('51-100 of 120')).length,
    ).toBeGreaterThan(0);
  });

  it('gives every row its own id (no material-table warning)', async () => {
    const warn = jest.spyOn(console, 'warn');
    const error = jest.spyOn(console, 'error');
    await render();
    await screen.findByText(FIRST);
    const messages = [...warn.mock.calls, ...error.mock.calls].map(c =>
      String(c[0]),
    );
    expect(messages.filter(m => /unique id/.test(m))).toEqual([]);
    warn.mockRestore();
    error.mockRestore();
  });

  it('names the time zone and switches every time between local and UTC', async () => {
    await render();
    await screen.findByText(FIRST);
    await userEvent.click(screen.getByRole('button', { name: 'UTC' }));
    expect(
      await screen.findByText(/failed requests, .* \(UTC\)\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'UTC' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByText(/^Time \(UTC\)/)).toBeInTheDocument();
  });

  it('reads the filters from the URL and writes them back', async () => {
    const api = mockApi();
    await render(api, '/?range=6h&category=throttled&stage=staging');
    await waitFor(() => expect(api.getFailures).toHaveBeenCalled());
    const query = api.getFailures.mock.calls[0][1]!;
    expect(query.category).toBe('throttled');
    expect(query.stage).toBe(STAGING_ARN);
    expect(query.to! - query.from!).toBe(6 * 3_600_000);
    expect(
      await screen.findByText(/failed requests of category/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Throttled/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('Authorizer denied'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('search').textContent).toBe(
        '?range=6h&category=authorizer-denied&stage=staging',
      ),
    );
    await waitFor(() =>
      expect(api.getFailures).toHaveBeenLastCalledWith(
        entity,
        expect.objectContaining({ category: 'authorizer-denied' }),
      ),
    );
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
    await userEvent.click(await screen.findByText(FIRST));
    expect(await screen.findByText('Execution log')).toBeInTheDocument();
    expect(api.getTrace).toHaveBeenCalledWith(
      expect.objectContaining({
        requestId: FIRST,
        entityRef: 'api:default/payments-api',
        stage: STAGE_ARN,
      }),
    );
    const link = await screen.findByRole('button', { name: /Copy link/ });
    const url = new URL(link.getAttribute('data-trace-link')!);
    expect(url.pathname).toBe(`/api-gateway-logging/traces/${FIRST}`);
    // Short enough for a ticket: the entity and stage by name, the time to
    // the minute in UTC.
    expect(url.search).toMatch(
      /^\?entity=payments-api&stage=prod&around=\d{4}-\d\d-\d\dT\d\d:\d\dZ$/,
    );
    // Kept from the drawer, with the stage and time of the row.
    await userEvent.click(
      screen.getByRole('button', { name: 'Keep this trace' }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Keep' }));
    await waitFor(() =>
      expect(api.keepTrace).toHaveBeenCalledWith(FIRST, {
        entity: 'api:default/payments-api',
        stage: STAGE_ARN,
        around: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    );
    expect(await screen.findByText(/Kept by guest on/)).toBeInTheDocument();
  });

  it('offers no link when the trace is not found', async () => {
    const error = await responseError(404, 'No request', 'NotFoundError');
    await render(
      mockApi({
        getTrace: async () => {
          throw error;
        },
      }),
    );
    await userEvent.click(await screen.findByText(FIRST));
    expect(
      await screen.findByText(/No log event of this request was found/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Copy link/ })).toBeNull();
  });
});
