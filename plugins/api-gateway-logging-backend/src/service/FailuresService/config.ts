import { Config } from '@backstage/config';
import { FilterPatternMode } from '../LogEvents/filterPatterns';

/** `apiGatewayLogging.failures`, with defaults. */
export interface FailuresConfig {
  defaultWindowMs: number;
  maxWindowMs: number;
  pageSize: number;
  filterPatternMode: FilterPatternMode;
  /** Cap on events read per log group per query. */
  maxEventsPerQuery: number;
  /** Half-width of the window a trace is looked for around a given time. */
  traceWindowMs: number;
  cacheTtlMs: number;
}

export function readFailuresConfig(root: Config): FailuresConfig {
  const config = root.getOptionalConfig('apiGatewayLogging');
  const failures = config?.getOptionalConfig('failures');
  const mode = failures?.getOptionalString('filterPatternMode') ?? 'any-term';
  if (mode !== 'any-term' && mode !== 'exact-phrase') {
    throw new Error(
      `apiGatewayLogging.failures.filterPatternMode must be any-term or exact-phrase, not ${mode}`,
    );
  }
  const positive = (key: string, fallback: number) => {
    const value = failures?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0)) {
      throw new Error(
        `apiGatewayLogging.failures.${key} must be a positive number`,
      );
    }
    return value;
  };
  return {
    defaultWindowMs: positive('defaultWindowMinutes', 60) * 60_000,
    maxWindowMs: positive('maxWindowHours', 24) * 3_600_000,
    pageSize: Math.min(positive('pageSize', 100), 500),
    filterPatternMode: mode,
    maxEventsPerQuery: positive('maxEventsPerQuery', 20_000),
    traceWindowMs: positive('traceWindowMinutes', 15) * 60_000,
    cacheTtlMs:
      (config
        ?.getOptionalConfig('cache')
        ?.getOptionalNumber('failuresTtlSeconds') ?? 60) * 1000,
  };
}
