import { fixtures } from '../__testUtils__/render';
import { groupByPhase, PHASES } from './phases';

describe('groupByPhase', () => {
  it('puts every event in its step, every step in order', () => {
    const phases = groupByPhase(fixtures.trace.trace!.events);
    expect(phases.map(p => p.id)).toEqual(PHASES.map(p => p.id));
    const authorizer = phases.find(p => p.id === 'authorizer')!;
    expect(authorizer.events.map(e => e.kind)).toEqual([
      'authorizer-start',
      'authorizer-identity',
      'authorizer-unauthorized',
    ]);
    expect(authorizer.failed).toBe(true);
    expect(phases.find(p => p.id === 'integration-request')!.events).toEqual(
      [],
    );
    expect(phases.find(p => p.id === 'method-response')!.events[0].kind).toBe(
      'method-completed',
    );
  });

  it('keeps kinds without a step of their own in the step they follow', () => {
    const phases = groupByPhase([
      {
        kind: 'endpoint-request-uri',
        message: 'Endpoint request URI: x',
        truncated: false,
      },
      {
        kind: 'configuration-error',
        message:
          'Execution failed due to configuration error: Invalid permissions on Lambda function',
        truncated: false,
      },
    ]);
    const integration = phases.find(p => p.id === 'integration-request')!;
    expect(integration.events).toHaveLength(2);
    expect(integration.failed).toBe(true);
  });

  it('reports the integration latency', () => {
    const phases = groupByPhase([
      {
        kind: 'endpoint-response-received',
        message: 'Received response. Integration latency: 818 ms',
        latencyMs: 818,
        truncated: false,
      },
    ]);
    expect(phases.find(p => p.id === 'integration-response')!.latencyMs).toBe(
      818,
    );
  });
});
