import { SweepStatus } from '@apigw-logging/plugin-api-gateway-logging-common';
import { SweepRecord } from '../../store/sweepsAndTraces';

/** Sweeps the estate into the store. */
export interface SweepService {
  /** One full sweep: every configured account and region, every stage an entity names. */
  sweep(): Promise<SweepRecord>;
  /** The latest sweeps, as the API reports them. */
  status(): Promise<SweepStatus>;
  /** Schedules the sweep (`apiGatewayLogging.sweep`), unless sweeps are off. */
  schedule(): Promise<void>;
  /**
   * Asks for a sweep now: through the scheduler when sweeps are scheduled
   * (one replica runs it), else in this process.
   */
  trigger(): Promise<void>;
}
