import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CoverageQuery,
  CoverageResponse,
  StageStatus,
  UnclaimedResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** The logging coverage across the catalog. */
export interface CoverageService {
  /**
   * Every API entity (and every Component with a stage annotation) the
   * caller may see, with its stages as last swept or re-checked, filtered,
   * sorted and paged; the ones without annotation are reported as not
   * linked. An entity that cannot be audited carries an error; it never
   * fails the report.
   */
  report(
    credentials: BackstageCredentials,
    query: CoverageQuery,
  ): Promise<CoverageResponse>;
  /** The stages found in the swept accounts that no entity claims. */
  unclaimed(query: {
    search?: string;
    status?: StageStatus;
    offset: number;
    limit: number;
  }): Promise<UnclaimedResponse>;
}
