import {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DateTime } from 'luxon';
import {
  apiGatewayLoggingFactSchema,
  auditFacts,
  FailureFacts,
  failureFacts,
} from './facts';
import { ApiGatewayLoggingReader } from './loggingClient';

/** The backend's own message when it sent one, not "Request failed with 503". */
function reason(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return (error as Error).message;
}

/**
 * The retriever's id: the key of its facts and its scheduler task.
 *
 * @public
 */
export const API_GATEWAY_LOGGING_FACT_RETRIEVER_ID = 'api-gateway-logging';

/** @public */
export interface ApiGatewayLoggingFactRetrieverOptions {
  /**
   * Read each entity's failed requests of the last day from its logs
   * (FilterLogEvents at the backend's rate limit, cached): true by default.
   */
  includeFailedRequests?: boolean;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Each API's logging facts from the stored audit of the api-gateway-logging
 * backend: checks passing and failing, the share of stages passing every
 * check, and the failed requests of the last day.
 *
 * @public
 */
export function createApiGatewayLoggingFactRetriever(
  options: ApiGatewayLoggingFactRetrieverOptions = {},
): FactRetriever {
  const { includeFailedRequests = true, now = Date.now } = options;
  return {
    id: API_GATEWAY_LOGGING_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'API Gateway logging',
    description:
      'Logging compliance of each API Gateway stage an entity claims, and its failed requests of the last day.',
    entityFilter: [{ kind: ['API', 'Component'] }],
    schema: apiGatewayLoggingFactSchema,
    async handler(ctx: FactRetrieverContext): Promise<TechInsightFact[]> {
      const reader = new ApiGatewayLoggingReader(ctx.discovery, ctx.auth);
      const facts: TechInsightFact[] = [];
      let failureErrors = 0;
      // Entities one at a time: the failures of each go through the
      // backend's FilterLogEvents rate limit (5 per second and region).
      for await (const entity of reader.coverage()) {
        if (!entity.linked || entity.error) continue;
        let failures: FailureFacts | undefined;
        if (includeFailedRequests && entity.stages.length) {
          try {
            failures = failureFacts(
              await reader.failuresLastDay(entity.entityRef, now()),
            );
          } catch (error) {
            failureErrors++;
            ctx.logger.warn(
              `No failed-request facts for ${entity.entityRef}: ${reason(
                error,
              )}`,
            );
          }
        }
        const audit = auditFacts(entity);
        const { checkedAt, ...rest } = audit;
        facts.push({
          entity: parseEntityRef(entity.entityRef) as TechInsightFact['entity'],
          facts: {
            ...(rest as TechInsightFact['facts']),
            ...(typeof checkedAt === 'string'
              ? { checkedAt: DateTime.fromISO(checkedAt) }
              : {}),
            ...failures,
          },
        });
      }
      ctx.logger.info(
        `API Gateway logging facts for ${facts.length} entities${
          failureErrors ? `, ${failureErrors} without failed-request facts` : ''
        }`,
      );
      return facts;
    },
  };
}
