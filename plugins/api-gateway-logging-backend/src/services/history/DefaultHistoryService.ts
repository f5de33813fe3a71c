import {
  CoverageDay,
  CoverageHistoryResponse,
  EntityHistoryResponse,
  StageHistoryResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { NotFoundError } from '@backstage/errors';
import { AuditStore } from '../../store/AuditStore';
import { DailyCoverageRow } from '../../store/dailyCoverage';
import { stageKey, stageRefOfKey } from '../../store/types';
import { normalizeRef } from '../coverage/filters';
import { LinkedEntity } from '../entities/EntityLoader';
import { timeline } from './describeChanges';
import { HistoryService, StageKeyInput } from './types';

const DAY_MS = 86_400_000;
// Versions per stage on an entity's page: the recent ones; the stage's own
// route pages further back.
const ENTITY_STAGE_VERSIONS = 20;

/** {@link HistoryService} over the store. */
export class DefaultHistoryService implements HistoryService {
  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number = Date.now,
  ) {}

  async stageHistory(
    stage: StageKeyInput,
    limit: number,
  ): Promise<StageHistoryResponse> {
    const key = stageKey(stage);
    const history = await this.timelineOf(key, limit);
    if (!history) {
      throw new NotFoundError(
        `No history for stage ${stage.arn}${
          stage.accountId ? ` in account ${stage.accountId}` : ''
        }: no sweep or re-check has audited it. Check the ARN and account, or re-check the entity that names it.`,
      );
    }
    return history;
  }

  async entityHistory(
    linked: LinkedEntity,
    days: number,
  ): Promise<EntityHistoryResponse> {
    const entity = await this.store.getEntity(linked.entityRef);
    const keys = entity?.stageKeys ?? [];
    const stages = await Promise.all(
      keys.map(k => this.timelineOf(k, ENTITY_STAGE_VERSIONS)),
    );
    return {
      entityRef: linked.entityRef,
      stages: stages.flatMap(s => (s ? [s] : [])),
      coverage: await this.days(`entity:${linked.entityRef}`, days),
    };
  }

  async coverageHistory(
    scope: { owner?: string; system?: string },
    days: number,
  ): Promise<CoverageHistoryResponse> {
    const owner = normalizeRef(scope.owner, 'group');
    const system = normalizeRef(scope.system, 'system');
    let name = 'fleet';
    if (owner) name = `owner:${owner}`;
    else if (system) name = `system:${system}`;
    return { scope: name, days: await this.days(name, days) };
  }

  private async timelineOf(
    key: string,
    limit: number,
  ): Promise<StageHistoryResponse | undefined> {
    // One more than shown: the oldest shown is described against it.
    const versions = await this.store.stageHistory(key, limit + 1);
    if (versions.length === 0) return undefined;
    const ref = stageRefOfKey(key);
    return {
      stageArn: ref.arn,
      ...(ref.accountId ? { accountId: ref.accountId } : {}),
      stageName: ref.stageName,
      versions: timeline(versions).slice(0, limit),
    };
  }

  private async days(scope: string, days: number): Promise<CoverageDay[]> {
    const since = new Date(this.now() - (days - 1) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    return coverageDays(await this.store.coverageHistory(scope, since));
  }
}

/** Rows per day and check as one entry per day. */
function coverageDays(rows: DailyCoverageRow[]): CoverageDay[] {
  const byDay = new Map<string, CoverageDay>();
  for (const row of rows) {
    const day = byDay.get(row.day) ?? {
      day: row.day,
      stages: row.stages,
      checks: [],
    };
    day.checks.push({
      id: row.checkId,
      passing: row.passing,
      applicable: row.passing + row.failing,
    });
    byDay.set(row.day, day);
  }
  return [...byDay.values()];
}
