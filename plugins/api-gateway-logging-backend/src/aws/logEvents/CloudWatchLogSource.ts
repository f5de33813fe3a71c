import {
  ANNOTATION_EXECUTION_LOG_GROUP,
  FilterPatternMode,
  accessLogFailurePattern,
  compileAccessLogFormat,
  failurePatterns,
  requestPatterns,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import {
  LocatedLogs,
  LogEvent,
  LogLocation,
  LogReadRequest,
  LogReadResult,
  LogSource,
  LogSourceStage,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { LogGroupAccess } from '../../config/readConfig';
import { InsightsReader } from './InsightsReader';
import {
  INSIGHTS_MAX_ROWS,
  insightsFilter,
  insightsQuery,
} from './insightsQueries';
import { LogEventReader } from './LogEventReader';
import { LogGroupReader } from '../logGroups/types';
import {
  defaultExecutionLogGroup,
  executionLogGroupName,
  executionLogGroupPrefix,
  parseLogGroupArn,
} from './logGroupNames';
import { readNewestFirst } from './readNewestFirst';

/** Options of {@link CloudWatchLogSource}. */
export interface CloudWatchLogSourceOptions {
  reader: LogEventReader;
  access: LogGroupAccess;
  filterPatternMode: FilterPatternMode;
  /** FilterLogEvents calls one read of one log group may make. */
  maxCallsPerRead: number;
  /** Logs Insights, for windows longer than its threshold. */
  insights?: { reader: InsightsReader; thresholdMs: number };
  /** Looks WebSocket stages' execution log groups up by prefix. */
  logGroups?: LogGroupReader;
}

/** The id of the built-in log source. */
export const CLOUDWATCH_SOURCE_ID = 'cloudwatch';

/**
 * The built-in log source: a stage's execution log group (REST, WebSocket)
 * and its access-log destination when that is a CloudWatch Logs group, read
 * with FilterLogEvents and server-side filter patterns.
 */
export class CloudWatchLogSource implements LogSource {
  readonly id = CLOUDWATCH_SOURCE_ID;

  constructor(private readonly options: CloudWatchLogSourceOptions) {}

  async locate(stage: LogSourceStage): Promise<LocatedLogs> {
    const located = this.expectedLocations(stage);
    const execution = located.locations.find(l => l.kind === 'execution');
    if (
      stage.stage.apiType === 'WEBSOCKET' &&
      execution?.name === defaultExecutionLogGroup(stage.stage)
    ) {
      await this.confirmWebSocketGroup(stage, located);
    }
    return located;
  }

  /**
   * Where the stage's logs are, from its configuration and the operator's,
   * without reading AWS: what the audit needs (it reads the groups itself,
   * for a whole API or region at once).
   */
  expectedLocations(stage: LogSourceStage): LocatedLogs {
    const located: LocatedLogs = { locations: [], notes: [] };
    if (stage.stage.apiType !== 'HTTP') {
      const template =
        stage.entity?.metadata.annotations?.[
          ANNOTATION_EXECUTION_LOG_GROUP
        ]?.trim() || undefined;
      const name = executionLogGroupName(
        stage.stage,
        stage.arn,
        this.options.access,
        template,
      );
      located.locations.push({
        sourceId: this.id,
        kind: 'execution',
        name,
        target: stage.target,
      });
    }
    const destination = stage.stage.accessLog?.destinationArn;
    if (!destination) return located;
    const group = parseLogGroupArn(destination);
    if (!group) {
      located.notes.push({
        kind: 'access',
        message: `Access logs go to ${destination}, which is not a CloudWatch Logs group (a Firehose stream): the plugin reads CloudWatch Logs only, so failures here come from execution logs alone. Send a copy of the access logs to a log group, or add a log source for that destination.`,
      });
      return located;
    }
    // AWS reports the destination: reading it does not widen access. In
    // another region it is read there; in another account, with that
    // account's credentials when the backend has them.
    located.locations.push({
      sourceId: this.id,
      kind: 'access',
      name: group.name,
      target: {
        // A stage of the default account: its group is taken to be there too.
        accountId: stage.target.accountId ? group.accountId : undefined,
        region: group.region,
      },
      ...(stage.stage.accessLog?.format
        ? { format: stage.stage.accessLog.format }
        : {}),
    });
    return located;
  }

  /**
   * AWS documents REST stages' execution log group; WebSocket stages' is
   * the same by every account seen, but not by AWS's pages: look, and say
   * what was found rather than assume.
   */
  private async confirmWebSocketGroup(
    stage: LogSourceStage,
    located: LocatedLogs,
  ): Promise<void> {
    const reader = this.options.logGroups;
    if (!reader) return;
    const prefix = executionLogGroupPrefix(stage.stage.apiId);
    let names: string[];
    try {
      names = (await reader.listByPrefix(stage.target, prefix)).items.map(
        g => g.name,
      );
    } catch {
      return; // A read that fails now fails again when the logs are read.
    }
    const expected = defaultExecutionLogGroup(stage.stage);
    if (names.includes(expected)) return;
    located.notes.push({
      kind: 'execution',
      message: `No execution log group of this WebSocket stage was found: looked for ${expected} (groups under ${prefix}: ${
        names.join(', ') || 'none'
      }). Execution logging may be off, or routed elsewhere through CloudWatch Logs delivery; the Backstage administrators can name the group in apiGatewayLogging.executionLogGroups.`,
    });
  }

  async read(request: LogReadRequest): Promise<LogReadResult> {
    const { insights } = this.options;
    if (insights && request.to - request.from > insights.thresholdMs) {
      return this.readWithInsights(insights.reader, request);
    }
    const { location } = request;
    const patterns = this.patterns(location, request);
    const seen = new Set<string>();
    const events: LogEvent[] = [];
    let complete = true;
    let readFrom = request.from;
    let calls = 0;
    for (const filterPattern of patterns) {
      const read = await readNewestFirst(
        this.options.reader,
        {
          target: location.target,
          logGroupName: location.name,
          filterPattern,
          startTime: request.from,
          endTime: request.to,
        },
        {
          maxEvents: request.maxEvents,
          maxCalls: this.options.maxCallsPerRead,
          deadline: request.deadline,
        },
      );
      calls += read.calls;
      complete &&= read.complete;
      readFrom = Math.max(readFrom, read.readFrom);
      for (const e of read.events) {
        // Several phrases can select one event (exact-phrase mode).
        const key = `${e.logStreamName}|${e.timestamp}|${e.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        events.push(e);
      }
    }
    return { events, complete, readFrom, readTo: request.to, calls };
  }

  /**
   * A long window (or a trace looked up without a time) in one Logs
   * Insights query: AWS scans it and returns only the matches, newest first,
   * instead of FilterLogEvents paging through the whole window.
   */
  private async readWithInsights(
    reader: InsightsReader,
    request: LogReadRequest,
  ): Promise<LogReadResult> {
    const limit = Math.min(request.maxEvents, INSIGHTS_MAX_ROWS);
    const read = await reader.query({
      target: request.location.target,
      logGroupName: request.location.name,
      queryString: insightsQuery(
        insightsFilter(request.location, request.select),
        limit,
      ),
      startTime: request.from,
      endTime: request.to,
      limit,
      deadline: request.deadline,
    });
    return { ...read, readTo: request.to };
  }

  private patterns(
    location: LogLocation,
    request: LogReadRequest,
  ): Array<string | undefined> {
    const mode = this.options.filterPatternMode;
    if (request.select.kind === 'requests') {
      return requestPatterns(request.select.requestIds, mode);
    }
    if (location.kind === 'execution') return failurePatterns(mode);
    // Access logs: the failing records when the format lets a pattern
    // select them, else every record (the caller keeps the failing ones).
    return [
      location.format
        ? accessLogFailurePattern(compileAccessLogFormat(location.format), mode)
        : undefined,
    ];
  }
}
