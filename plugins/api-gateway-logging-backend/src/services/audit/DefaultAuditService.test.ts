import {
  AuditCheckId,
  CheckStatus,
  EntityAuditResponse,
  parseStageArn,
  readStageSelector,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  MotoServer,
  resetMoto,
  startMoto,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';
import { Estate, estateConfig, seedEstate } from '../../__testUtils__/estate';
import { pluginServices } from '../../__testUtils__/services';

jest.setTimeout(180_000);

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'petstore', namespace: 'default', annotations },
    spec: {},
  };
}

function linked(annotations: Record<string, string>) {
  const e = entity(annotations);
  return {
    entity: e,
    entityRef: stringifyEntityRef(e),
    selector: readStageSelector(e)!,
  };
}

function statuses(audit: EntityAuditResponse, arn: string) {
  // Audits show ARNs as AWS writes them: without the account field.
  const stage = audit.stages.find(s => s.arn === parseStageArn(arn).arn);
  if (!stage) throw new Error(`no stage ${arn}`);
  return Object.fromEntries(stage.checks.map(c => [c.id, c.status])) as Record<
    AuditCheckId,
    CheckStatus
  >;
}

describe('DefaultAuditService against moto', () => {
  let moto: MotoServer;
  let estate: Estate;

  beforeAll(async () => {
    moto = await startMoto();
    await resetMoto(moto.endpoint);
    estate = await seedEstate(moto.endpoint);
  });

  afterAll(async () => {
    await moto?.stop();
  });

  /** A fresh audit service (and its AWS access, to count calls). */
  async function service() {
    const { audit, aws } = await pluginServices(
      estateConfig(moto.endpoint, estate),
    );
    return Object.assign(audit, { awsCallStats: () => aws.stats() });
  }

  it('audits REST, HTTP and WebSocket stages in two regions and two accounts', async () => {
    const { arns } = estate;
    const audit = await (
      await service()
    ).auditEntity(
      linked({
        'aws.amazon.com/api-gateway-stage-arn': Object.values(arns).join(','),
      }),
    );
    expect(audit.stages).toHaveLength(7);

    expect(statuses(audit, arns.restProd)).toEqual({
      'execution-logging': 'fail',
      'access-logging': 'pass',
      'access-log-format': 'pass',
      'data-trace': 'pass',
      'detailed-metrics': 'pass',
      'xray-tracing': 'pass',
      'cloudwatch-role': 'pass',
      'log-retention': 'fail',
      'log-encryption': 'fail',
    });
    const prod = audit.stages.find(s => s.arn === arns.restProd)!;
    const execution = prod.checks.find(c => c.id === 'execution-logging')!;
    expect(execution.evidence.failingMethods).toEqual(['GET /pets/{petId}']);
    const apiId = prod.apiId;
    expect(execution.remediation?.cli).toEqual([
      `aws apigateway update-stage --rest-api-id ${apiId} --stage-name prod --patch-operations 'op=replace,path=/pets~1{petId}/GET/logging/loglevel,value=ERROR' --region us-east-1`,
    ]);
    expect(prod.checks.find(c => c.id === 'log-retention')!.message).toContain(
      '/access/petstore-prod keeps logs 30 days, less than 365',
    );

    expect(statuses(audit, arns.restDev)).toMatchObject({
      'execution-logging': 'pass',
      'access-logging': 'fail',
      'access-log-format': 'not-applicable',
      'data-trace': 'fail',
      'detailed-metrics': 'warn',
      'xray-tracing': 'warn',
      'log-retention': 'warn',
      'log-encryption': 'not-applicable',
    });

    expect(statuses(audit, arns.restWest)).toMatchObject({
      'access-log-format': 'fail',
      'cloudwatch-role': 'fail',
      // no execution log group yet (nothing logged without the role)
      'log-retention': 'warn',
      'log-encryption': 'fail',
    });
    const west = audit.stages.find(s => s.arn === arns.restWest)!;
    expect(
      west.checks.find(c => c.id === 'access-log-format')!.message,
    ).toContain('lacks $context.requestId or $context.extendedRequestId');

    expect(statuses(audit, arns.http)).toEqual({
      'execution-logging': 'not-applicable',
      'access-logging': 'pass',
      'access-log-format': 'pass',
      'data-trace': 'not-applicable',
      'detailed-metrics': 'pass',
      'xray-tracing': 'not-applicable',
      'cloudwatch-role': 'not-applicable',
      'log-retention': 'pass',
      'log-encryption': 'pass',
    });
    expect(audit.stages.find(s => s.arn === arns.http)).toMatchObject({
      apiType: 'HTTP',
      apiName: 'orders',
    });

    const ws = audit.stages.find(s => s.arn === arns.websocket)!;
    expect(ws.apiType).toBe('WEBSOCKET');
    expect(statuses(audit, arns.websocket)).toMatchObject({
      'execution-logging': 'fail',
      'xray-tracing': 'not-applicable',
      'cloudwatch-role': 'pass',
      'detailed-metrics': 'pass',
    });
    expect(
      ws.checks.find(c => c.id === 'execution-logging')!.evidence
        .failingMethods,
    ).toEqual(['$connect']);

    const missing = audit.stages.find(s => s.arn === arns.missingStage)!;
    expect(missing.error).toContain('has no stage "nope"');
    // Unknown is neither failing nor passing: one problem, no check results.
    expect(missing).toMatchObject({
      status: 'unreadable',
      checks: [],
      problem: { kind: 'not-found', whoCanFix: 'entity-owner' },
    });
    expect(audit.summary).toMatchObject({ unreadableStages: 1 });

    expect(audit.stages.find(s => s.accountId)).toMatchObject({
      accountId: '222222222222',
      apiType: 'REST',
    });
    expect(statuses(audit, arns.otherAccount)).toEqual({
      'execution-logging': 'pass',
      'access-logging': 'pass',
      'access-log-format': 'pass',
      'data-trace': 'pass',
      'detailed-metrics': 'warn',
      'xray-tracing': 'pass',
      'cloudwatch-role': 'pass',
      'log-retention': 'pass',
      'log-encryption': 'pass',
    });
    expect(audit.summary.stages).toBe(7);
  });

  it('finds stages by tag query across the configured regions', async () => {
    const audit = await (
      await service()
    ).auditEntity(
      linked({ 'aws.amazon.com/api-gateway-tags': 'team=payments' }),
    );
    expect(audit.selector).toBe('tags');
    expect(audit.discoveryErrors).toEqual([]);
    expect(audit.stages.map(s => s.arn).sort()).toEqual(
      [estate.arns.restProd, estate.arns.http].sort(),
    );
  });

  it('makes one call per API, account and region, and caches them', async () => {
    const svc = await service();
    const { arns } = estate;
    const annotations = {
      'aws.amazon.com/api-gateway-stage-arn': [
        arns.restProd,
        arns.restDev,
        arns.http,
      ].join(','),
    };
    await svc.auditEntity(linked(annotations));
    // One GetStages for petstore's two stages, one GetAccount for us-east-1,
    // one DescribeLogGroups per API's execution groups and per access group.
    expect(svc.awsCallStats().byCommand).toEqual({
      GetStages: 1,
      GetAccount: 1,
      GetApi: 1,
      'GetStages (v2)': 1,
      DescribeLogGroups: 3,
    });
    const first = svc.awsCallStats().total;
    await svc.auditEntity(linked(annotations));
    expect(svc.awsCallStats().total).toBe(first);
  });

  it('coalesces 50 concurrent audits into the AWS calls of one', async () => {
    const annotations = {
      'aws.amazon.com/api-gateway-stage-arn': Object.values(estate.arns).join(
        ',',
      ),
    };
    const single = await service();
    await single.auditEntity(linked(annotations));
    const concurrent = await service();
    const audits = await Promise.all(
      Array.from({ length: 50 }, () =>
        concurrent.auditEntity(linked(annotations)),
      ),
    );
    expect(concurrent.awsCallStats()).toEqual(single.awsCallStats());
    expect(new Set(audits.map(a => JSON.stringify(a.stages))).size).toBe(1);
  });
});
