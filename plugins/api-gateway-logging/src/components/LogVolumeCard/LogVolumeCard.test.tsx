import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { StageAudit } from '@apigw-logging/plugin-api-gateway-logging-common';
import { fixtures } from '../../__testUtils__/render';
import { LogVolumeCard } from './LogVolumeCard';

const unmeasured: StageAudit[] = fixtures.audit.stages.map(
  ({ logVolume, ...stage }) => stage,
);

describe('LogVolumeCard', () => {
  it('says the next sweep measures stages it has not measured yet', async () => {
    await renderInTestApp(<LogVolumeCard stages={unmeasured} />);
    expect(screen.getByText(/Not measured yet: the next sweep/)).toBeVisible();
  });

  it('does not promise a measurement for stages AWS would not describe', async () => {
    const unreadable = unmeasured.map(stage => ({
      ...stage,
      status: 'unreadable' as const,
      checks: [],
      problem: {
        kind: 'no-credentials' as const,
        message: 'No AWS credentials for account 333333333333',
        whoCanFix: 'backstage-admins' as const,
      },
    }));
    await renderInTestApp(<LogVolumeCard stages={unreadable} />);
    expect(
      screen.getByText(/Not measured: AWS could not be read/),
    ).toBeVisible();
    expect(screen.queryByText(/next sweep/)).not.toBeInTheDocument();
  });
});
