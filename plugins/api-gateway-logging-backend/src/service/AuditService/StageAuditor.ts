import {
  StageAudit,
  StageRef,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { AuditPolicy } from '../../config';
import { errorChecks, runChecks } from '../../audit/rules';
import {
  AccountSettings,
  AuditInput,
  LogGroupLookup,
  StageConfig,
} from '../../audit/types';
import { ApiGatewayReader } from '../ApiGatewayReader/types';
import { LogGroupReader } from '../LogGroupReader/types';
import { StageConfigLoader } from './StageConfigLoader';
import { AwsReadError } from '../aws/errors';
import { AwsTarget } from '../aws/types';
import {
  executionLogGroupName,
  executionLogGroupPrefix,
  parseLogGroupArn,
} from './logGroupNames';

/** What the auditor needs. */
export interface StageAuditorOptions {
  apiGateway: ApiGatewayReader;
  stages: StageConfigLoader;
  logGroups: LogGroupReader;
  policy: AuditPolicy;
  executionLogGroups: Map<string, string>;
}

function messageOf(error: unknown): string {
  if (error instanceof AwsReadError) return error.message;
  return `Unexpected failure reading AWS: ${String(
    (error as Error)?.message ?? error,
  )}`;
}

/**
 * Reads what the checks need about one stage and runs them. Reads go
 * through the (cached, coalescing) readers, so stages of one API share one
 * GetStages, stages of one account and region one GetAccount, and execution
 * log groups of one API one DescribeLogGroups.
 */
export class StageAuditor {
  constructor(private readonly options: StageAuditorOptions) {}

  async audit(
    ref: StageRef,
    executionLogGroupTemplate?: string,
  ): Promise<StageAudit> {
    const target: AwsTarget = { accountId: ref.accountId, region: ref.region };
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
      stage = await this.options.stages.readStage(ref);
    } catch (error) {
      const message = messageOf(error);
      return { ...base, error: message, checks: errorChecks(message) };
    }
    const [account, logGroups] = await Promise.all([
      this.readAccount(stage, target),
      this.readLogGroups(stage, ref, target, executionLogGroupTemplate),
    ]);
    const input: AuditInput = {
      stage,
      location: {
        partition: ref.partition,
        region: ref.region,
        accountId: ref.accountId,
      },
      account,
      logGroups,
    };
    return {
      ...base,
      apiType: stage.apiType,
      ...(stage.apiName ? { apiName: stage.apiName } : {}),
      checks: runChecks(input, this.options.policy),
    };
  }

  private async readAccount(
    stage: StageConfig,
    target: AwsTarget,
  ): Promise<AccountSettings | { error: string }> {
    // HTTP APIs do not use the account's CloudWatch role: spare the call.
    if (stage.apiType === 'HTTP') return {};
    try {
      return await this.options.apiGateway.getAccountSettings(target);
    } catch (error) {
      return { error: messageOf(error) };
    }
  }

  private async readLogGroups(
    stage: StageConfig,
    ref: StageRef,
    target: AwsTarget,
    template?: string,
  ): Promise<AuditInput['logGroups']> {
    const lookups: Promise<[string, LogGroupLookup]>[] = [];
    if (stage.apiType !== 'HTTP') {
      const name = executionLogGroupName(
        stage,
        ref.arn,
        this.options.executionLogGroups,
        template,
      );
      const defaultPrefix = executionLogGroupPrefix(stage.apiId);
      // Default names share one prefix per API: one call for all stages.
      const prefix = name.startsWith(defaultPrefix) ? defaultPrefix : name;
      lookups.push(
        this.lookup(target, prefix, name).then(l => ['execution', l]),
      );
    }
    const destination = stage.accessLog?.destinationArn;
    const parsed = destination ? parseLogGroupArn(destination) : undefined;
    if (parsed) {
      const accessTarget = {
        accountId: target.accountId,
        region: parsed.region,
      };
      lookups.push(
        this.lookup(accessTarget, parsed.name, parsed.name).then(l => [
          'access',
          l,
        ]),
      );
    }
    return Object.fromEntries(await Promise.all(lookups));
  }

  private async lookup(
    target: AwsTarget,
    prefix: string,
    name: string,
  ): Promise<LogGroupLookup> {
    try {
      const groups = await this.options.logGroups.listByPrefix(target, prefix);
      return groups.find(g => g.name === name) ?? { name, exists: false };
    } catch (error) {
      return { name, error: messageOf(error) };
    }
  }
}
