import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { useAuditRefreshPermission } from '../../hooks/useAuditRefreshPermission';
import { RecheckButton } from './RecheckButton';

jest.mock('../../hooks/useAuditRefreshPermission');
const permission = useAuditRefreshPermission as jest.MockedFunction<
  typeof useAuditRefreshPermission
>;

const props = {
  label: 'Re-check now',
  busyLabel: 'Re-checking…',
  deniedReason: 'Re-checking needs api-gateway-logging.audit.refresh.',
};

describe('RecheckButton', () => {
  it('acts for those allowed', async () => {
    permission.mockReturnValue({ loading: false, allowed: true });
    const onClick = jest.fn();
    await renderInTestApp(
      <RecheckButton {...props} busy={false} onClick={onClick} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Re-check now' }));
    expect(onClick).toHaveBeenCalled();
    expect(screen.queryByText(props.deniedReason)).toBeNull();
  });

  it('is disabled with the reason in words for the others', async () => {
    permission.mockReturnValue({ loading: false, allowed: false });
    await renderInTestApp(
      <RecheckButton {...props} busy={false} onClick={jest.fn()} />,
    );
    const button = screen.getByRole('button', { name: 'Re-check now' });
    expect(button).toBeDisabled();
    // Read out with the button: a tooltip would reach no keyboard.
    expect(button).toHaveAccessibleDescription(props.deniedReason);
  });

  it('is disabled while the answer is awaited, and while busy', async () => {
    permission.mockReturnValue({ loading: true, allowed: false });
    const { rerender } = await renderInTestApp(
      <RecheckButton {...props} busy={false} onClick={jest.fn()} />,
    );
    expect(screen.getByRole('button', { name: 'Re-check now' })).toBeDisabled();
    expect(screen.queryByText(props.deniedReason)).toBeNull();
    permission.mockReturnValue({ loading: false, allowed: true });
    rerender(<RecheckButton {...props} busy onClick={jest.fn()} />);
    expect(screen.getByRole('button', { name: 'Re-checking…' })).toBeDisabled();
  });
});
