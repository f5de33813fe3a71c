import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { StageAudit } from '@apigw-logging/plugin-api-gateway-logging-common';
import { fixtures } from '../../__testUtils__/render';
import { StageAuditCard } from './StageAuditCard';

const staging = fixtures.audit.stages.find(s => s.stageName === 'staging')!;

describe('StageAuditCard', () => {
  it('lists failures first with their evidence and remediation', async () => {
    await renderInTestApp(<StageAuditCard stage={staging} />);
    const statuses = screen
      .getAllByText(/^(Fail|Warning|Pass)$/)
      .map(e => e.textContent);
    expect(statuses.slice(0, 4)).toEqual([
      'Fail',
      'Fail',
      'Warning',
      'Warning',
    ]);
    expect(screen.getAllByText('Evidence read from AWS').length).toBe(2);
    expect(
      screen.getByText('AWS::Logs::LogGroup RetentionInDays'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByTitle('Copied').length +
        screen.getAllByRole('button').length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('2 failing')).toBeInTheDocument();
  });

  it('folds passing checks away until asked', async () => {
    await renderInTestApp(<StageAuditCard stage={staging} />);
    expect(screen.queryByText('Access logging')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText(/Show 5 passing/));
    expect(screen.getByText('Access logging')).toBeInTheDocument();
  });

  it('shows one "could not read" state for a stage AWS could not be read for, with who can fix it', async () => {
    const stage: StageAudit = {
      arn: 'arn:aws:apigateway:us-east-1::/restapis/partner1/stages/prod',
      apiId: 'partner1',
      stageName: 'prod',
      region: 'us-east-1',
      accountId: '333333333333',
      status: 'unreadable',
      problem: {
        kind: 'credentials',
        message: 'No AWS credentials for account 333333333333',
        whoCanFix: 'backstage-admins',
      },
      error: 'No AWS credentials for account 333333333333',
      checks: [],
    };
    await renderInTestApp(<StageAuditCard stage={stage} />);
    expect(
      screen.getByText(/This stage could not be read from AWS/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No AWS credentials for account 333333333333'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Your Backstage administrators/),
    ).toBeInTheDocument();
    // Unknown is not failing: no check rows, no failing chip, no severity.
    expect(screen.getByText('could not be read')).toBeInTheDocument();
    expect(screen.queryByText(/\d+ failing/)).toBeNull();
    expect(screen.queryByText(/severity/)).toBeNull();
    expect(screen.queryByText(/Evidence/)).toBeNull();
  });

  it('shows "could not check" in a neutral chip, never the failing red', async () => {
    await renderInTestApp(
      <StageAuditCard
        stage={{
          ...staging,
          checks: staging.checks.map((c, i) =>
            i === 0 ? { ...c, status: 'error' as const } : c,
          ),
        }}
      />,
    );
    const chip = screen
      .getByText('1 could not be checked')
      .closest('.MuiChip-root')!;
    expect(chip.className).toMatch(/MuiChip-outlined/);
    expect(chip.querySelector('svg')).not.toBeNull();
  });
});
