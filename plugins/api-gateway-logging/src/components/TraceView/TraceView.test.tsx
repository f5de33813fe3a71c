import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { fixtures } from '../../__testUtils__/render';
import { TraceView } from './TraceView';

describe('TraceView', () => {
  it('shows why the request failed and its steps in order', async () => {
    await renderInTestApp(<TraceView response={fixtures.trace} />);
    expect(screen.getByText(/401 · Authorizer denied/)).toBeInTheDocument();
    expect(
      screen.getByText(/Authorizer pa7h01 denied the request/),
    ).toBeInTheDocument();
    const titles = screen
      .getAllByText(
        /^(Request received|Authorizer|Usage plan and API key|Method request|Integration request|Integration response|Method response)$/,
      )
      .filter(e => e.tagName === 'H6')
      .map(e => e.textContent);
    expect(titles).toEqual([
      'Request received',
      'Authorizer',
      'Usage plan and API key',
      'Method request',
      'Integration request',
      'Integration response',
      'Method response',
    ]);
    expect(
      screen.getByText(`Unauthorized request: ${fixtures.trace.requestId}`),
    ).toBeInTheDocument();
    expect(screen.getByText('Access log')).toBeInTheDocument();
  });

  it('marks truncated events and names the blind spots that apply', async () => {
    const trace = fixtures.trace.trace!;
    await renderInTestApp(
      <TraceView
        response={{
          ...fixtures.trace,
          trace: {
            ...trace,
            status: 429,
            events: [
              { ...trace.events[0], truncated: true },
              ...trace.events.slice(1),
            ],
          },
        }}
      />,
    );
    expect(screen.getByText('truncated')).toBeInTheDocument();
    expect(
      screen.getByText(/API Gateway may not log excessive 429s/),
    ).toBeInTheDocument();
  });

  it('says where it looked when only the access log has the request', async () => {
    await renderInTestApp(
      <TraceView response={{ ...fixtures.trace, trace: undefined }} />,
    );
    expect(
      screen.getByText(/No execution-log event of this request was found/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No execution-log events for this request/),
    ).toBeInTheDocument();
  });
});
