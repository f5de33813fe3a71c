import {
  AwsTarget,
  targetKey,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  defaultExecutionLogGroup,
  parseLogGroupArn,
} from '../../aws/logEvents/logGroupNames';
import { LogVolumeReader } from '../../aws/metrics/LogVolumeReader';
import { messageOf } from '../audit/readProblem';
import { TargetInventory } from './inventory';

/** Log group names of one account and region. */
export interface TargetGroups {
  target: AwsTarget;
  names: string[];
}

/**
 * The log groups each listed stage logs to by its own configuration (its
 * default execution group, its access-log destination), where the listing
 * found them: what the sweep can measure before the audit has run.
 */
export function listedGroups(inventories: TargetInventory[]): TargetGroups[] {
  return inventories.map(inventory => {
    const names = new Set<string>();
    const listed = (name: string) => inventory.logGroups?.has(name);
    for (const { config } of inventory.stages) {
      const execution = defaultExecutionLogGroup(config);
      if (config.apiType !== 'HTTP' && listed(execution)) names.add(execution);
      const destination = config.accessLog?.destinationArn;
      const access = destination ? parseLogGroupArn(destination) : undefined;
      if (access?.region === inventory.target.region && listed(access.name)) {
        names.add(access.name);
      }
    }
    return { target: inventory.target, names: [...names] };
  });
}

/**
 * A sweep's log-group ingestion (`IncomingBytes` per day), read once per
 * group however many times it is asked for, in as few GetMetricData calls
 * as the groups allow. A failed read is an error of the sweep, not of it.
 */
export class IncomingBytes {
  private readonly asked = new Map<string, Set<string>>();
  private readonly perDay = new Map<string, Map<string, number>>();

  constructor(
    private readonly reader: LogVolumeReader,
    private readonly days: number,
    private readonly errors: string[],
  ) {}

  /** Reads the groups not read yet, every account-region at once. */
  async measure(groups: TargetGroups[]): Promise<void> {
    const wanted = new Map<string, { target: AwsTarget; names: Set<string> }>();
    for (const { target, names } of groups) {
      const key = targetKey(target);
      const asked = this.asked.get(key) ?? new Set<string>();
      this.asked.set(key, asked);
      const entry = wanted.get(key) ?? { target, names: new Set<string>() };
      for (const name of names) {
        if (asked.has(name)) continue;
        asked.add(name);
        entry.names.add(name);
      }
      wanted.set(key, entry);
    }
    await Promise.all(
      [...wanted].map(async ([key, { target, names }]) => {
        if (names.size === 0) return;
        try {
          const read = await this.reader.incomingBytesPerDay(
            target,
            [...names],
            this.days,
          );
          const known = this.perDay.get(key) ?? new Map<string, number>();
          for (const [name, bytes] of read) known.set(name, bytes);
          this.perDay.set(key, known);
        } catch (error) {
          this.errors.push(messageOf(error));
        }
      }),
    );
  }

  /** What was read of one account and region. */
  of(target: AwsTarget): Map<string, number> {
    return this.perDay.get(targetKey(target)) ?? new Map();
  }
}
