import { DailyCoverageRow } from './dailyCoverage';
import { SweepRecord } from './sweepsAndTraces';
import { StoredTotals } from './totalsQueries';
import { UnclaimedQuery } from './unclaimedQueries';
import {
  CoverageQuery,
  EntityRow,
  KeptTrace,
  StageObservation,
  StageVersion,
  StoredEntity,
  StoredStage,
} from './types';

/**
 * The stored audit, behind an interface (as tech-insights keeps its
 * TechInsightsStore): what sweeps and re-checks saw, the catalog's claims,
 * history, daily coverage, sweeps and kept traces.
 */
export interface AuditStore {
  recordStages(observations: StageObservation[]): Promise<{ changed: number }>;
  markGone(
    target: { accountId?: string; region: string },
    seen: Set<string>,
    at: number,
  ): Promise<number>;
  getStages(stageKeys: string[]): Promise<StoredStage[]>;
  stageHistory(stageKey: string, limit: number): Promise<StageVersion[]>;

  syncEntities(entities: StoredEntity[], at: number): Promise<void>;
  upsertEntity(entity: StoredEntity, at: number): Promise<void>;
  getEntity(entityRef: string): Promise<StoredEntity | undefined>;
  claimsOf(entityRefs: string[]): Promise<Map<string, string[]>>;

  coveragePage(
    query: CoverageQuery,
  ): Promise<{ total: number; rows: EntityRow[] }>;
  totals(query: Partial<CoverageQuery>): Promise<StoredTotals>;
  unclaimedCount(): Promise<number>;
  /** Changes whenever what the totals count may have changed. */
  lastChange(): Promise<string>;
  unclaimedPage(
    query: UnclaimedQuery,
  ): Promise<{ total: number; stages: StoredStage[] }>;

  recordDailyCoverage(day: string, rows: DailyCoverageRow[]): Promise<void>;
  coverageHistory(scope: string, since: string): Promise<DailyCoverageRow[]>;

  startSweep(at: number): Promise<number>;
  finishSweep(
    id: number,
    outcome: Omit<SweepRecord, 'id' | 'startedAt'>,
  ): Promise<void>;
  latestSweeps(): Promise<{ running?: SweepRecord; finished?: SweepRecord }>;

  keepTrace(kept: KeptTrace): Promise<void>;
  keptTrace(
    entityRef: string,
    requestId: string,
  ): Promise<KeptTrace | undefined>;

  /** Forgets history and daily coverage older than `before` (epoch ms). */
  prune(before: number): Promise<void>;
}
