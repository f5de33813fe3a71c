import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  CoverageEntity,
  CoverageQuery,
  CoverageResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  fixtures,
  mockApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/render';
import { CoveragePage } from './CoveragePage';

/** The URL's query, shown so that tests can read what the page wrote. */
function Location() {
  const { search } = useLocation();
  return <output data-testid="location">{search}</output>;
}

const location = () =>
  new URLSearchParams(screen.getByTestId('location').textContent ?? '');

/** An estate of `n` APIs served a page at a time, as the backend does. */
function estate(n: number) {
  const template = fixtures.coverage.entities[0];
  const entities: CoverageEntity[] = Array.from({ length: n }, (_, i) => ({
    ...template,
    entityRef: `api:default/api-${String(i).padStart(3, '0')}`,
    title: `API ${String(i).padStart(3, '0')}`,
  }));
  return jest.fn(
    async (query: CoverageQuery = {}): Promise<CoverageResponse> => {
      const matching = entities.filter(
        e => !query.search || e.entityRef.includes(query.search),
      );
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      return {
        ...fixtures.coverage,
        filters: query.search ? { search: query.search } : {},
        sort: query.sort ?? 'failing',
        order: query.order ?? 'desc',
        offset,
        limit,
        total: matching.length,
        summary: { ...fixtures.coverage.summary, entities: n, linked: n },
        matching: {
          ...fixtures.coverage.matching,
          entities: matching.length,
          linked: matching.length,
        },
        entities: matching.slice(offset, offset + limit),
      };
    },
  );
}

describe('CoveragePage', () => {
  it('shows the estate from the backend totals, and a page of entities', async () => {
    await renderWithApis(<CoveragePage />);
    expect(await screen.findByText('Legacy API')).toBeInTheDocument();
    const { summary } = fixtures.coverage;
    // Tiles from `summary`: unique stages, unreadable apart.
    const compliant = screen.getByText('Stages compliant').closest('div')!;
    expect(compliant).toHaveTextContent(
      `${summary.passingStages} of ${
        summary.stages - summary.unreadableStages
      } readable stages pass every check`,
    );
    const unread = screen
      .getByRole('heading', { name: 'Could not be read' })
      .closest('div')!;
    expect(unread).toHaveTextContent(String(summary.unreadableStages));
    expect(screen.getByText('Not linked')).toBeInTheDocument();
    expect(screen.getByText('Cannot be audited')).toBeInTheDocument();
    expect(
      screen.getByText(/No AWS credentials for account 333333333333/),
    ).toBeInTheDocument();
    expect(screen.getByText('Execution logging (staging)')).toBeInTheDocument();
    // No "matching" line while nothing is filtered.
    expect(screen.queryByText(/Matching the filters/)).not.toBeInTheDocument();
    // The sweep's age.
    expect(screen.getByText(/by a sweep of 4 stages/)).toBeInTheDocument();
  });

  it('reads filters, search, sort and page from the URL and sends them', async () => {
    const api = mockApi();
    await renderWithApis(<CoveragePage />, {
      api,
      routeEntries: [
        '/?owner=group:default/team-payments&status=fail&search=pay&sort=name&page=2&size=25',
      ],
    });
    await waitFor(() =>
      expect(api.getCoverage).toHaveBeenCalledWith({
        owner: 'group:default/team-payments',
        status: 'fail',
        search: 'pay',
        sort: 'name',
        order: 'asc',
        offset: 25,
        limit: 25,
      }),
    );
    expect(screen.getByLabelText('Search by name')).toHaveValue('pay');
  });

  it('shows "matching" totals apart from the estate when filtered', async () => {
    const getCoverage = estate(500);
    await renderWithApis(
      <>
        <CoveragePage />
        <Location />
      </>,
      { api: mockApi({ getCoverage }), routeEntries: ['/?search=api-00'] },
    );
    const tile = (await screen.findByText('Linked to API Gateway')).closest(
      'div',
    )!;
    // The estate: 500; matching: 10 (every page, not the page shown).
    expect(tile).toHaveTextContent('500 of 500 entities');
    expect(tile).toHaveTextContent('Matching the filters: 10 of 10 entities');
    expect(screen.getByText('10 entities matching')).toBeInTheDocument();
  });

  it('pages 500 entities on the backend, the page kept in the URL', async () => {
    const getCoverage = estate(500);
    await renderWithApis(
      <>
        <CoveragePage />
        <Location />
      </>,
      { api: mockApi({ getCoverage }) },
    );
    expect(await screen.findByText('API 000')).toBeInTheDocument();
    // One page of 50 rendered, not 500.
    expect(screen.queryByText('API 050')).not.toBeInTheDocument();
    expect(screen.getByText('500 entities')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    expect(await screen.findByText('API 050')).toBeInTheDocument();
    expect(getCoverage).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 50, limit: 50 }),
    );
    expect(location().get('page')).toBe('2');
  });

  it('searches by name after a pause, from the first page, in the URL', async () => {
    const getCoverage = estate(500);
    await renderWithApis(
      <>
        <CoveragePage />
        <Location />
      </>,
      { api: mockApi({ getCoverage }), routeEntries: ['/?page=3'] },
    );
    expect(await screen.findByText('API 100')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Search by name'), 'api-12');
    await waitFor(() => expect(location().get('search')).toBe('api-12'));
    expect(location().get('page')).toBeNull();
    expect(await screen.findByText('API 120')).toBeInTheDocument();
    expect(getCoverage).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: 'api-12', offset: 0 }),
    );
  });

  it('sorts on the backend by the header clicked, in the URL', async () => {
    const getCoverage = estate(60);
    await renderWithApis(
      <>
        <CoveragePage />
        <Location />
      </>,
      { api: mockApi({ getCoverage }) },
    );
    await screen.findByText('API 000');
    await userEvent.click(screen.getByRole('button', { name: 'Entity' }));
    await waitFor(() => expect(location().get('sort')).toBe('name'));
    expect(getCoverage).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'name', order: 'asc', offset: 0 }),
    );
  });

  it('exports every matching entity as CSV, with the same filters', async () => {
    const api = mockApi();
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderWithApis(<CoveragePage />, {
      api,
      routeEntries: ['/?owner=group:default/team-payments&search=pay&page=2'],
    });
    await screen.findAllByText(/entit/);
    await userEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    await waitFor(() =>
      expect(api.getCoverageCsv).toHaveBeenCalledWith(
        expect.objectContaining({
          owner: 'group:default/team-payments',
          search: 'pay',
        }),
      ),
    );
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('offers the owners of the whole catalog, not only those of the page', async () => {
    await renderWithApis(<CoveragePage />);
    await screen.findByText('Legacy API');
    await userEvent.click(screen.getByLabelText('Owner'));
    const list = screen.getByRole('listbox');
    expect(within(list).getByText('team-payments')).toBeInTheDocument();
    expect(within(list).getByText('team-orders')).toBeInTheDocument();
  });

  it('draws the fleet trend, and the owner’s when filtered by owner', async () => {
    const api = mockApi();
    await renderWithApis(<CoveragePage />, {
      api,
      routeEntries: ['/?owner=group:default/team-payments'],
    });
    expect(
      await screen.findByText('Coverage over time: team-payments'),
    ).toBeInTheDocument();
    expect(api.getCoverageHistory).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/team-payments' }),
    );
    expect(
      await screen.findByRole('img', { name: /Coverage of team-payments/ }),
    ).toBeInTheDocument();
  });

  it('lists unclaimed stages with the annotation to claim each', async () => {
    const api = mockApi();
    await renderWithApis(<CoveragePage />, {
      api,
      routeEntries: ['/?tab=unclaimed'],
    });
    expect(
      await screen.findByText('shadow-billing · REST API'),
    ).toBeInTheDocument();
    expect(screen.getByText('team=billing')).toBeInTheDocument();
    expect(screen.getByText('account 222222222222')).toBeInTheDocument();
    expect(
      screen.getByText(/AccessDenied: apigateway:GET/),
    ).toBeInTheDocument();
    expect(api.getCoverage).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Claim stage prod of shadow-billing',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'aws.amazon.com/api-gateway-stage-arn: arn:aws:apigateway:us-east-1::/restapis/shadow1/stages/prod',
    );
    expect(dialog).toHaveTextContent(
      "aws.amazon.com/api-gateway-account-id: '222222222222'",
    );
    expect(api.getStageHistory).toHaveBeenCalledWith({
      stage: 'arn:aws:apigateway:us-east-1::/restapis/shadow1/stages/prod',
      account: '222222222222',
    });
    expect(
      await within(dialog).findByText('Execution logging ERROR → OFF'),
    ).toBeInTheDocument();
  });

  it('searches unclaimed stages in the URL', async () => {
    const api = mockApi();
    await renderWithApis(
      <>
        <CoveragePage />
        <Location />
      </>,
      { api, routeEntries: ['/?tab=unclaimed&status=unreadable'] },
    );
    await screen.findByText('shadow-billing · REST API');
    expect(api.getUnclaimed).toHaveBeenCalledWith({
      search: undefined,
      status: 'unreadable',
      offset: 0,
      limit: 50,
    });
    await userEvent.type(
      screen.getByLabelText('Search stages'),
      'ghost{enter}',
    );
    await waitFor(() => expect(location().get('search')).toBe('ghost'));
    expect(location().get('tab')).toBe('unclaimed');
    await waitFor(() =>
      expect(api.getUnclaimed).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'ghost', status: 'unreadable' }),
      ),
    );
  });

  it('starts a sweep and follows it', async () => {
    const api = mockApi();
    await renderWithApis(<CoveragePage />, { api });
    await screen.findByText('Legacy API');
    await userEvent.click(screen.getByRole('button', { name: 'Sweep now' }));
    expect(api.startSweep).toHaveBeenCalled();
    expect(
      await screen.findByText(/A sweep is running now/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sweeping…' })).toBeDisabled();
  });

  it('shows the last page for a link past the end', async () => {
    const getCoverage = estate(30);
    await renderWithApis(
      <>
        <CoveragePage />
        <Location />
      </>,
      { api: mockApi({ getCoverage }), routeEntries: ['/?page=5'] },
    );
    expect(await screen.findByText('API 000')).toBeInTheDocument();
    await waitFor(() => expect(location().get('page')).toBeNull());
  });

  it('explains a denied audit', async () => {
    const error = await responseError(403, 'You may not read the audit');
    await renderWithApis(<CoveragePage />, {
      api: mockApi({
        getCoverage: async () => {
          throw error;
        },
      }),
    });
    expect(
      await screen.findByText(/You may not read the audit/),
    ).toBeInTheDocument();
  });
});
