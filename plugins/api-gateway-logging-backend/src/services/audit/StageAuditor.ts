import {
  AuditCheckResult,
  StageAudit,
  StageRef,
  StageStatus,
  worstStatus,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  AccountSettings,
  AuditCheck,
  AuditInput,
  AuditInputContext,
  AwsTarget,
  LogGroupLookup,
  LoggingPolicy,
  ReadFailure,
  StageConfig,
  StageLocation,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { Entity } from '@backstage/catalog-model';
import { JsonValue } from '@backstage/types';
import { ApiGatewayReader } from '../../aws/apiGateway/types';
import { CloudWatchLogSource } from '../../aws/logEvents/CloudWatchLogSource';
import { executionLogGroupPrefix } from '../../aws/logEvents/logGroupNames';
import { LogGroupReader } from '../../aws/logGroups/types';
import { ExtensionRegistry } from '../extensions/ExtensionRegistry';
import { StageLocator, targetOf } from '../stages/StageLocator';
import { messageOf, readProblem } from './readProblem';

/** How one audit reads AWS. */
export interface AuditOptions {
  /** The stage's configuration, when the caller has read it (a sweep's listing). */
  config?: StageConfig;
  /**
   * Readers for this audit instead of the cached ones: a sweep or a
   * re-check reads AWS anew (and a sweep answers log groups from its index).
   */
  readers?: { apiGateway: ApiGatewayReader; logGroups: LogGroupReader };
}

/** What the auditor needs. */
export interface StageAuditorOptions {
  apiGateway: ApiGatewayReader;
  logGroups: LogGroupReader;
  cloudWatch: CloudWatchLogSource;
  locator: StageLocator;
  registry: ExtensionRegistry;
}

/**
 * Reads what a stage's checks need, and no more, then runs them. Reads go
 * through the cached, coalescing readers, so stages of one API share one
 * GetStages, stages of one account and region one GetAccount, and execution
 * log groups of one API one DescribeLogGroups.
 */
export class StageAuditor {
  constructor(private readonly options: StageAuditorOptions) {}

  async audit(
    ref: StageRef,
    entity?: Entity,
    options: AuditOptions = {},
  ): Promise<StageAudit> {
    return (await this.observe(ref, entity, options)).audit;
  }

  /** The audit of a stage and the configuration it read. */
  async observe(
    ref: StageRef,
    entity?: Entity,
    options: AuditOptions = {},
  ): Promise<{
    audit: StageAudit;
    config?: StageConfig;
    logGroups?: AuditInput['logGroups'];
  }> {
    const readers = options.readers ?? this.options;
    const target = targetOf(ref);
    const base = {
      arn: ref.arn,
      apiId: ref.apiId,
      ...(ref.apiFamily === 'v1' ? { apiType: 'REST' as const } : {}),
      stageName: ref.stageName,
      ...(ref.accountId ? { accountId: ref.accountId } : {}),
      region: ref.region,
    };
    let stage: StageConfig;
    try {
      stage =
        options.config ??
        (await this.options.locator.readStage(ref, readers.apiGateway));
    } catch (error) {
      // Unknown is neither failing nor passing: one problem, no checks.
      const problem = readProblem(error);
      return {
        audit: {
          ...base,
          status: 'unreadable',
          problem,
          error: problem.message,
          checks: [],
        },
      };
    }
    const location: StageLocation = {
      partition: ref.partition,
      region: ref.region,
      accountId: ref.accountId,
    };
    const { registry } = this.options;
    const policy = await registry.policyFor({
      stageArn: ref.arn,
      stage,
      location,
      entity,
    });
    const checks = registry.checksFor(policy);
    const reads = new Set(checks.flatMap(c => c.reads));
    const [account, logGroups] = await Promise.all([
      reads.has('account')
        ? this.readAccount(stage, target, readers.apiGateway)
        : {},
      reads.has('log-groups')
        ? this.readLogGroups(ref, stage, target, readers.logGroups, entity)
        : {},
    ]);
    const input: AuditInput = {
      stage,
      location,
      account,
      logGroups,
      extra: await this.readExtra(reads, {
        stageArn: ref.arn,
        stage,
        location,
        target,
        logGroups,
      }),
    };
    const results = checks.map(check => evaluate(check, input, policy));
    return {
      audit: {
        ...base,
        apiType: stage.apiType,
        ...(stage.apiName ? { apiName: stage.apiName } : {}),
        status: stageStatus(results),
        checks: results,
      },
      config: stage,
      logGroups,
    };
  }

  private async readAccount(
    stage: StageConfig,
    target: AwsTarget,
    apiGateway: ApiGatewayReader,
  ): Promise<AccountSettings | ReadFailure> {
    // HTTP APIs do not use the account's CloudWatch role: spare the call.
    if (stage.apiType === 'HTTP') return {};
    try {
      return await apiGateway.getAccountSettings(target);
    } catch (error) {
      return { error: messageOf(error) };
    }
  }

  private async readLogGroups(
    ref: StageRef,
    stage: StageConfig,
    target: AwsTarget,
    reader: LogGroupReader,
    entity?: Entity,
  ): Promise<AuditInput['logGroups']> {
    let locations;
    try {
      ({ locations } = this.options.cloudWatch.expectedLocations({
        arn: ref.arn,
        stage,
        location: { partition: ref.partition, region: ref.region },
        target,
        entity,
      }));
    } catch (error) {
      // An annotation naming a group the operator did not allow.
      const failure = { name: '(not read)', error: messageOf(error) };
      return stage.apiType === 'HTTP' ? {} : { execution: failure };
    }
    const groups: AuditInput['logGroups'] = {};
    await Promise.all(
      locations.map(async l => {
        const defaultPrefix = executionLogGroupPrefix(stage.apiId);
        // Default names share one prefix per API: one call for all stages.
        const prefix =
          l.kind === 'execution' && l.name.startsWith(defaultPrefix)
            ? defaultPrefix
            : l.name;
        groups[l.kind] = await lookup(reader, l.target, prefix, l.name);
      }),
    );
    return groups;
  }

  private async readExtra(
    reads: Set<string>,
    context: AuditInputContext,
  ): Promise<Record<string, JsonValue | ReadFailure>> {
    const extra: Record<string, JsonValue | ReadFailure> = {};
    await Promise.all(
      [...reads].map(async id => {
        const reader = this.options.registry.inputReader(id);
        if (!reader) return;
        try {
          extra[id] = await reader.read(context);
        } catch (error) {
          extra[id] = { error: messageOf(error) };
        }
      }),
    );
    return extra;
  }
}

async function lookup(
  reader: LogGroupReader,
  target: AwsTarget,
  prefix: string,
  name: string,
): Promise<LogGroupLookup> {
  try {
    const { items } = await reader.listByPrefix(target, prefix);
    return items.find(g => g.name === name) ?? { name, exists: false };
  } catch (error) {
    return { name, error: messageOf(error) };
  }
}

/** Runs one check; a check that throws is an `error`, not a failed audit. */
function evaluate(
  check: AuditCheck,
  input: AuditInput,
  policy: LoggingPolicy,
): AuditCheckResult {
  try {
    const outcome = check.evaluate(input, policy);
    return {
      id: check.id,
      title: check.title,
      status: outcome.status,
      severity: outcome.severity ?? check.severity,
      message: outcome.message,
      evidence: outcome.evidence,
      ...(outcome.remediation ? { remediation: outcome.remediation } : {}),
    };
  } catch (error) {
    return {
      id: check.id,
      title: check.title,
      status: 'error',
      severity: check.severity,
      message: `The check ${check.id} failed unexpectedly: ${String(
        (error as Error)?.message ?? error,
      )}. Report it to whoever installed it.`,
      evidence: {},
    };
  }
}

/** A stage at a glance: its worst check (a stage with no applicable check passes). */
function stageStatus(results: AuditCheckResult[]): StageStatus {
  const worst = worstStatus(results.map(r => r.status));
  return worst === 'not-applicable' ? 'pass' : worst;
}
