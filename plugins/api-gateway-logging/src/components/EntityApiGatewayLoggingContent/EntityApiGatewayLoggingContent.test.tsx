import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { ApiGatewayLoggingApi } from '../../api/ApiGatewayLoggingApi';
import {
  fixtures,
  mockApi,
  renderWithApis,
  responseError,
  storedFixtures,
} from '../../__testUtils__/render';
import { EntityApiGatewayLoggingContent } from './EntityApiGatewayLoggingContent';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'payments-api', namespace: 'default', annotations },
  spec: {},
});

const annotated = entity({
  'aws.amazon.com/api-gateway-stage-arn':
    'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
});

function renderTab(
  e: Entity,
  api: Partial<ApiGatewayLoggingApi>,
  allowed = true,
) {
  return renderWithApis(<EntityApiGatewayLoggingContent />, {
    entity: e,
    api: mockApi(api),
    allowed,
  });
}

// The tab renders several sections at once: slow on a busy CI machine.
jest.setTimeout(30_000);

describe('EntityApiGatewayLoggingContent', () => {
  it('lists the stages the backend returns', async () => {
    await renderTab(annotated, {
      getEntityAudit: async () => ({ ...fixtures.audit, stages: [] }),
      getFailures: async () => ({ ...fixtures.failures, items: [], total: 0 }),
      getEntityStages: async () => ({
        entityRef: 'api:default/payments-api',
        selector: 'arns',
        stages: [
          {
            arn: 'arn:aws:apigateway:us-east-1::/restapis/paymentsv1/stages/prod',
            region: 'us-east-1',
            apiId: 'paymentsv1',
            apiFamily: 'v1',
            apiType: 'REST',
            stageName: 'prod',
          },
          {
            arn: 'arn:aws:apigateway:eu-west-1::/apis/ordershttp/stages/live',
            accountId: '222222222222',
            region: 'eu-west-1',
            apiId: 'ordershttp',
            apiFamily: 'v2',
            stageName: 'live',
          },
        ],
      }),
    });
    expect(await screen.findByText('prod')).toBeInTheDocument();
    expect(screen.getByText('REST')).toBeInTheDocument();
    expect(screen.getByText('HTTP or WebSocket')).toBeInTheDocument();
    expect(screen.getByText('222222222222')).toBeInTheDocument();
    expect(screen.getByText('default account')).toBeInTheDocument();
  });

  it('shows the tag query of a tag-selected entity', async () => {
    await renderTab(
      entity({ 'aws.amazon.com/api-gateway-tags': 'team=payments' }),
      {
        getEntityStages: async () => ({
          entityRef: 'api:default/payments-api',
          selector: 'tags',
          tags: { team: 'payments' },
          stages: [],
        }),
      },
    );
    expect(await screen.findByText('team = payments')).toBeInTheDocument();
  });

  it('names every way to link an entity, with real example values', async () => {
    const getEntityStages = jest.fn();
    await renderTab(entity({}), { getEntityStages });
    expect(
      await screen.findByText('Link this entity to its API Gateway stages'),
    ).toBeInTheDocument();
    const examples = screen
      .getAllByText(/^metadata:/)
      .map(e => e.textContent ?? '');
    expect(examples).toHaveLength(2);
    // The ARN annotation, one ARN per line, and the optional account.
    expect(examples[0]).toContain(
      'aws.amazon.com/api-gateway-stage-arn: >-\n      arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod,\n      arn:aws:apigateway:us-east-1::/apis/f6g7h8i9j0/stages/$default',
    );
    expect(examples[0]).toContain(
      "aws.amazon.com/api-gateway-account-id: '123456789012'",
    );
    // The tags annotation, with the entity's own name as an example.
    expect(examples[1]).toContain(
      'aws.amazon.com/api-gateway-tags: service=payments-api,environment=production',
    );
    expect(examples.join()).not.toMatch(/: value$/m);
    expect(getEntityStages).not.toHaveBeenCalled();
  });

  it('shows the whole message of a malformed-annotation error', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'API id "BAD" is wrong. Example of a correct value: x',
        },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderTab(annotated, {
      getEntityStages: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/cannot be used as written/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Example of a correct value: x/),
    ).toBeInTheDocument();
  });

  it('shows the example of a malformed annotation as YAML, one ARN per line', async () => {
    const error = await responseError(
      400,
      'Entity api:default/misconfigured-api: Annotation aws.amazon.com/api-gateway-stage-arn has "arn:aws:apigateway:us-east-1::/restapis/NOT-AN-ID/stages/prod", whose API id "NOT-AN-ID" is not made of lowercase letters and digits. Example of a correct value: aws.amazon.com/api-gateway-stage-arn: arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod,arn:aws:apigateway:us-east-1::/apis/f6g7h8i9j0/stages/$default',
      'InputError',
    );
    await renderTab(annotated, {
      getEntityStages: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/whose API id "NOT-AN-ID" is not made of/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Example of a correct value/)).toBeNull();
    const yaml = screen.getByText(/^metadata:/).textContent;
    expect(yaml).toBe(
      [
        'metadata:',
        '  annotations:',
        '    aws.amazon.com/api-gateway-stage-arn: >-',
        '      arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod,',
        '      arn:aws:apigateway:us-east-1::/apis/f6g7h8i9j0/stages/$default',
      ].join('\n'),
    );
  });

  it('shows the audit, failing checks first, and the failures', async () => {
    await renderTab(annotated, {});
    expect(await screen.findByText('Stage staging')).toBeInTheDocument();
    expect(
      screen.getByText(/Execution logging is not at ERROR or INFO/),
    ).toBeInTheDocument();
    // The CLI fix, one option per line; the copy button copies one line.
    expect(
      screen.getByText(
        /aws apigateway update-stage \\ --rest-api-id paymentsv1 \\ --stage-name staging/,
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Recent failures')).toBeInTheDocument();
    expect(
      await screen.findByText(fixtures.failures.items[0].requestId),
    ).toBeInTheDocument();
  });

  it('hides the failures when traces may not be read', async () => {
    const getFailures = jest.fn();
    // usePermission caches answers by entity ref across tests: use another.
    const other = {
      ...annotated,
      metadata: { ...annotated.metadata, name: 'denied-api' },
    };
    await renderTab(other, { getFailures }, false);
    expect(
      await screen.findByText(/not allowed to read this API's request logs/),
    ).toBeInTheDocument();
    expect(getFailures).not.toHaveBeenCalled();
    expect(await screen.findByText('Stage staging')).toBeInTheDocument();
  });

  it('shows an audit denied by the backend inline, keeping the rest', async () => {
    const denied = await responseError(403, 'audit.read is not allowed');
    await renderTab(annotated, {
      getEntityAudit: async () => {
        throw denied;
      },
    });
    expect(
      await screen.findByText(/audit.read is not allowed/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Recent failures')).toBeInTheDocument();
  });

  it('shows how old each stored result is, and re-checks now', async () => {
    const live = {
      ...storedFixtures.audit,
      generatedAt: new Date().toISOString(),
      stages: storedFixtures.audit.stages.map(st => ({
        ...st,
        source: 'live' as const,
        checkedAt: new Date().toISOString(),
      })),
    };
    const refreshEntityAudit = jest.fn(async () => live);
    await renderTab(annotated, {
      getEntityAudit: async () => storedFixtures.audit,
      refreshEntityAudit,
    });
    expect(await screen.findByText(/by the last sweep\.$/)).toBeInTheDocument();
    expect(screen.getAllByText(/Checked .* by the last sweep/)).toHaveLength(
      // The summary line and each stage.
      1 + storedFixtures.audit.stages.length,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Re-check now' }));
    expect(refreshEntityAudit).toHaveBeenCalledWith({
      kind: 'API',
      namespace: 'default',
      name: 'payments-api',
    });
    await waitFor(() =>
      expect(
        screen.getAllByText(/Checked just now .*, read from AWS now/),
      ).toHaveLength(storedFixtures.audit.stages.length),
    );
  });

  it('says why a re-check was refused', async () => {
    const refused = await responseError(429, 'Re-checked 10 s ago');
    await renderTab(annotated, {
      refreshEntityAudit: async () => {
        throw refused;
      },
    });
    await screen.findByText('Stage staging');
    await userEvent.click(screen.getByRole('button', { name: 'Re-check now' }));
    expect(
      await screen.findByText(/re-checked a moment ago; try again in a minute/),
    ).toBeInTheDocument();
    // The stored results stay.
    expect(screen.getByText('Stage staging')).toBeInTheDocument();
  });

  it('shows the log volume and estimated cost of each stage', async () => {
    await renderTab(annotated, {
      getEntityAudit: async () => storedFixtures.audit,
    });
    const table = await screen.findByRole('table', {
      name: 'Log volume and estimated cost per stage',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      'prod5.0 GB300 MB (7-day average)$4.65ingestion $4.50 + storage $0.15',
    );
    expect(rows[2]).toHaveTextContent(
      'staging200 MBno metricat least $0.01storage $0.01; ingestion unknown',
    );
    // Staging's ingestion is unknown: the total is a floor.
    expect(rows[3]).toHaveTextContent('All stages5.2 GBat least $4.66');
    expect(
      screen.getByText(
        /can produce a lot of log data and a large CloudWatch bill/,
      ),
    ).toBeInTheDocument();
  });

  it('shows coverage over time and each stage’s changes, in the chosen zone', async () => {
    const getEntityHistory = jest.fn(mockApi().getEntityHistory);
    await renderTab(annotated, { getEntityHistory });
    expect(
      await screen.findByText('Execution logging ERROR → OFF'),
    ).toBeInTheDocument();
    expect(getEntityHistory).toHaveBeenCalledWith(
      { kind: 'API', namespace: 'default', name: 'payments-api' },
      { days: 30 },
    );
    expect(
      screen.getByRole('img', { name: /Coverage of payments-api over time/ }),
    ).toBeInTheDocument();
    await userEvent.click(
      (
        await screen.findAllByRole('button', { name: 'UTC' })
      )[0],
    );
    // Whole sentences, across the elements that style their parts.
    const sentence = (pattern: RegExp) => (_: string, el: Element | null) =>
      el?.tagName === 'P' && pattern.test(el.textContent ?? '');
    expect(
      await screen.findByText(
        sentence(
          /^Between 13:00 and 14:00 on 28 Nov, deployment abc123; AWS says it was updated 2026-11-28 13:42$/,
        ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        sentence(/^First seen 09:00 on 20 Nov, deployment zzz999$/),
      ),
    ).toBeInTheDocument();
  });
});
