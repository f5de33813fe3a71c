import type { ApiFamily, ApiType } from './stageRef';

/** A stage an entity names, as served to the frontend. @public */
export interface StageSummary {
  arn: string;
  /** Undefined: the default account of the backend's `aws` config. */
  accountId?: string;
  region: string;
  apiId: string;
  apiFamily: ApiFamily;
  /** Known from the ARN for REST; HTTP and WebSocket are told apart by AWS. */
  apiType?: ApiType;
  stageName: string;
}

/**
 * `GET /entities/:namespace/:kind/:name/stages`: what the entity's
 * annotations say, without calling AWS.
 *
 * @public
 */
export interface EntityStagesResponse {
  entityRef: string;
  /** Which annotation selected the stages. */
  selector: 'arns' | 'tags';
  /** The tag query, when the entity selects stages by tags. */
  tags?: Record<string, string>;
  /** The stages named by ARN; empty for a tag query (resolved by the audit). */
  stages: StageSummary[];
}
