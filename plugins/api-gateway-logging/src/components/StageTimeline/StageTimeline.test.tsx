import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { storedFixtures } from '../../__testUtils__/render';
import { StageTimeline } from './StageTimeline';

describe('StageTimeline', () => {
  it('lists the versions newest first, each change apart when several', async () => {
    const history = {
      ...storedFixtures.stageHistory,
      versions: [
        {
          ...storedFixtures.stageHistory.versions[0],
          changes: [
            { what: 'Execution logging', from: 'ERROR', to: 'OFF' },
            { what: 'Access log format', from: 'JSON' },
          ],
          summary: 'Execution logging ERROR → OFF (backend wording)',
        },
        ...storedFixtures.stageHistory.versions.slice(1),
      ],
    };
    await renderInTestApp(<StageTimeline history={history} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Execution logging ERROR → OFF, and 1 moreFailing',
    );
    expect(
      screen.getByText('Access log format JSON → none'),
    ).toBeInTheDocument();
    expect(screen.getByText('First seen')).toBeInTheDocument();
    expect(
      screen.getByRole('list', {
        name: 'Changes of stage staging, newest first',
      }),
    ).toBeInTheDocument();
  });

  it('counts what it leaves out, and says when nothing is recorded', async () => {
    const many = {
      ...storedFixtures.stageHistory,
      versions: Array.from({ length: 7 }, (_, i) => ({
        ...storedFixtures.stageHistory.versions[0],
        seenAt: new Date(Date.UTC(2026, 10, 28 - i)).toISOString(),
      })),
    };
    const { unmount } = await renderInTestApp(
      <StageTimeline history={many} max={5} />,
    );
    expect(screen.getByText('2 older changes not shown.')).toBeInTheDocument();
    unmount();
    await renderInTestApp(
      <StageTimeline
        history={{ ...storedFixtures.stageHistory, versions: [] }}
      />,
    );
    expect(screen.getByText(/No change recorded yet/)).toBeInTheDocument();
  });
});
