import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CoverageQuery,
  CoverageResponse,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** The logging coverage across the catalog. */
export interface CoverageService {
  /**
   * Audits every API entity (and every Component with a stage annotation)
   * the caller may see, and reports the ones without annotation as not
   * linked. An entity that cannot be audited carries an error; it never
   * fails the report.
   */
  report(
    credentials: BackstageCredentials,
    query: CoverageQuery,
  ): Promise<CoverageResponse>;
}
