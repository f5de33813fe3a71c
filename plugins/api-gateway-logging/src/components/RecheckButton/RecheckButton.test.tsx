import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { RecheckButton } from './RecheckButton';

const props = {
  label: 'Re-check now',
  busyLabel: 'Re-checking…',
  deniedReason: 'Re-checking needs api-gateway-logging.audit.refresh.',
};

describe('RecheckButton', () => {
  it('acts for those allowed', async () => {
    const onClick = jest.fn();
    await renderInTestApp(
      <RecheckButton
        {...props}
        permission={{ loading: false, allowed: true }}
        busy={false}
        onClick={onClick}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Re-check now' }));
    expect(onClick).toHaveBeenCalled();
    expect(screen.queryByText(props.deniedReason)).toBeNull();
  });

  it('is disabled with the reason in words for the others', async () => {
    await renderInTestApp(
      <RecheckButton
        {...props}
        permission={{ loading: false, allowed: false }}
        busy={false}
        onClick={jest.fn()}
      />,
    );
    const button = screen.getByRole('button', { name: 'Re-check now' });
    expect(button).toBeDisabled();
    // Read out with the button: a tooltip would reach no keyboard.
    expect(button).toHaveAccessibleDescription(props.deniedReason);
  });

  it('is disabled while the answer is awaited, and while busy', async () => {
    const { rerender } = await renderInTestApp(
      <RecheckButton
        {...props}
        permission={{ loading: true, allowed: false }}
        busy={false}
        onClick={jest.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Re-check now' })).toBeDisabled();
    expect(screen.queryByText(props.deniedReason)).toBeNull();
    rerender(
      <RecheckButton
        {...props}
        permission={{ loading: false, allowed: true }}
        busy
        onClick={jest.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Re-checking…' })).toBeDisabled();
  });
});
