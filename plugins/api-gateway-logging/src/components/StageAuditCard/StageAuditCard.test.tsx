import { screen, within } from '@testing-library/react';
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

  it('shows a stage AWS could not read inline', async () => {
    const stage: StageAudit = {
      arn: 'arn:aws:apigateway:us-east-1::/restapis/partner1/stages/prod',
      apiId: 'partner1',
      stageName: 'prod',
      region: 'us-east-1',
      accountId: '333333333333',
      status: 'unreadable',
      error: 'No AWS credentials for account 333333333333',
      checks: [
        {
          id: 'execution-logging',
          title: 'Execution logging',
          status: 'error',
          severity: 'high',
          message: 'Could not read the stage',
          evidence: {},
        },
      ],
    };
    await renderInTestApp(<StageAuditCard stage={stage} />);
    expect(
      screen.getByText(/This stage could not be read from AWS/),
    ).toBeInTheDocument();
    const row = screen.getByText('Could not read the stage').closest('div')!;
    expect(
      within(row.parentElement!).getByText('Could not check'),
    ).toBeInTheDocument();
  });
});
