import {
  AccountSettings,
  AwsTarget,
  LogGroupInfo,
  ReadFailure,
  isReadFailure,
  targetKey,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { AwsReadError } from '@apigw-logging/plugin-api-gateway-logging-node';
import { ApiGatewayReader, Listing } from '../../aws/apiGateway/types';
import { LogGroupReader } from '../../aws/logGroups/types';
import { TargetInventory } from './inventory';

/**
 * A log group reader that answers from a sweep's index of each region's
 * groups, and asks AWS only where the index is missing (a listing that
 * failed or stopped at its cap, or another region).
 */
export function indexedLogGroups(
  inventories: TargetInventory[],
  fallback: LogGroupReader,
): LogGroupReader {
  const byTarget = new Map(
    inventories.map(i => [targetKey(i.target), i.logGroups]),
  );
  // Audits ask per API prefix or per exact name: answer each once.
  const answered = new Map<string, Listing<LogGroupInfo>>();
  return {
    async listByPrefix(
      target: AwsTarget,
      prefix: string,
    ): Promise<Listing<LogGroupInfo>> {
      const index = byTarget.get(targetKey(target));
      if (!index) return fallback.listByPrefix(target, prefix);
      const key = `${targetKey(target)}|${prefix}`;
      let listing = answered.get(key);
      if (!listing) {
        const exact = index.get(prefix);
        listing = {
          items: exact
            ? [exact]
            : [...index.values()].filter(g => g.name.startsWith(prefix)),
          complete: true,
        };
        answered.set(key, listing);
      }
      return listing;
    },
  };
}

/** An API Gateway reader whose account settings come from the sweep's inventory. */
export function inventoriedAccounts(
  inventories: TargetInventory[],
  fallback: ApiGatewayReader,
): ApiGatewayReader {
  const byTarget = new Map<string, AccountSettings | ReadFailure>(
    inventories.map(i => [targetKey(i.target), i.account]),
  );
  return {
    ...fallback,
    listRestApis: t => fallback.listRestApis(t),
    listV2Apis: t => fallback.listV2Apis(t),
    getRestStages: (t, id) => fallback.getRestStages(t, id),
    getV2Api: (t, id) => fallback.getV2Api(t, id),
    getV2Stages: (t, api) => fallback.getV2Stages(t, api),
    async getAccountSettings(target) {
      const known = byTarget.get(targetKey(target));
      if (!known) return fallback.getAccountSettings(target);
      if (isReadFailure(known)) throw new AwsReadError('failed', known.error);
      return known;
    },
  };
}
