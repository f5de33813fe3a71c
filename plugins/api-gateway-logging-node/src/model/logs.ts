import type { Entity } from '@backstage/catalog-model';
import type { AwsTarget } from '../aws/target';
import type { StageConfig, StageLocation } from './stage';

/** Execution logs (REST, WebSocket) or access logs. @public */
export type LogKind = 'execution' | 'access';

/** A stage whose logs are looked for. @public */
export interface LogSourceStage {
  arn: string;
  stage: StageConfig;
  location: StageLocation;
  target: AwsTarget;
  /** The catalog entity that claims the stage, when there is one. */
  entity?: Entity;
}

/** One place that holds a stage's logs (for CloudWatch: a log group). @public */
export interface LogLocation {
  /** The id of the {@link LogSource} that reads it. */
  sourceId: string;
  kind: LogKind;
  /** What a person reads, e.g. the log group name. */
  name: string;
  target: AwsTarget;
  /** The stage's access-log format (`accessLogSettings.format`), for access logs. */
  format?: string;
}

/** Something a user should know about where logs are (or are not) read. @public */
export interface LogSourceNote {
  kind: LogKind;
  message: string;
}

/** Where a source holds a stage's logs. @public */
export interface LocatedLogs {
  locations: LogLocation[];
  /** E.g. access logs sent to Firehose, which cannot be read here. */
  notes: LogSourceNote[];
}

/** Which events a read selects. @public */
export type LogSelection =
  | { kind: 'failures' }
  | { kind: 'requests'; requestIds: string[] };

/** One read of one location. @public */
export interface LogReadRequest {
  location: LogLocation;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  select: LogSelection;
  /** Stop after this many events: the read is then incomplete. */
  maxEvents: number;
  /** Answer by this time (epoch ms) with what was read, incomplete if need be. */
  deadline?: number;
}

/** A log event as the parser takes it. @public */
export interface LogEvent {
  message: string;
  timestamp?: number;
  logStreamName?: string;
}

/** What a read returned. @public */
export interface LogReadResult {
  events: LogEvent[];
  /**
   * True when every matching event of the window was read. When false,
   * `readFrom`–`readTo` is the part of the window that was.
   */
  complete: boolean;
  readFrom: number;
  readTo: number;
  /** Calls made, for statistics. */
  calls: number;
}

/**
 * Where a stage's execution and access logs live, and how to read them. The
 * built-in source reads CloudWatch Logs; a module can add another (S3,
 * a SIEM) through the log-sources extension point.
 *
 * @public
 */
export interface LogSource {
  id: string;
  /** The locations this source holds for the stage; none when it holds none. */
  locate(stage: LogSourceStage): Promise<LocatedLogs>;
  read(request: LogReadRequest): Promise<LogReadResult>;
}
