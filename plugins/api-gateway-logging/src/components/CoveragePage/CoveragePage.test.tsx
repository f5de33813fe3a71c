import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApi,
  renderWithApis,
  responseError,
} from '../../__testUtils__/render';
import { CoveragePage } from './CoveragePage';

describe('CoveragePage', () => {
  it('groups APIs by owner, failures first, with unlinked ones', async () => {
    await renderWithApis(<CoveragePage />);
    expect(await screen.findByText('team-payments')).toBeInTheDocument();
    expect(screen.getByText('Legacy API')).toBeInTheDocument();
    expect(screen.getByText('Not linked')).toBeInTheDocument();
    expect(screen.getByText('Cannot be audited')).toBeInTheDocument();
    expect(
      screen.getByText(/No AWS credentials for account 333333333333/),
    ).toBeInTheDocument();
    expect(screen.getByText('Execution logging (staging)')).toBeInTheDocument();
  });

  it('sends the filters from the URL and exports the same as CSV', async () => {
    const api = mockApi();
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderWithApis(<CoveragePage />, {
      api,
      routeEntries: ['/?owner=group:default/team-payments&status=fail'],
    });
    await screen.findAllByText('team-payments');
    expect(api.getCoverage).toHaveBeenCalledWith({
      owner: 'group:default/team-payments',
      status: 'fail',
      system: undefined,
      check: undefined,
    });
    await userEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    await waitFor(() =>
      expect(api.getCoverageCsv).toHaveBeenCalledWith(
        expect.objectContaining({
          owner: 'group:default/team-payments',
          status: 'fail',
        }),
      ),
    );
    expect(createObjectURL).toHaveBeenCalled();
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
