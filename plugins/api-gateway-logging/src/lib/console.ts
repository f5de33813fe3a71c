import { parseStageArn } from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * The AWS console's address for a partition and region: the commercial
 * regions, China and GovCloud each have their own domain; the isolated
 * partitions have no console reachable from here (undefined).
 */
export function consoleOrigin(
  partition: string,
  region: string,
): string | undefined {
  switch (partition) {
    case 'aws':
      return `https://${region}.console.aws.amazon.com`;
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
    default:
      return undefined;
  }
}

/**
 * The console's fragment encoding: URI-encoded twice (once for the inner
 * query, once for the fragment), with `$` in place of `%`.
 */
const twice = (text: string) =>
  encodeURIComponent(encodeURIComponent(text)).replace(/%/g, '$');
const once = (text: string) => encodeURIComponent(text).replace(/%/g, '$');

/**
 * A link to one log group's events in the CloudWatch console, filtered on a
 * request id over a window, in the region and partition of the stage.
 * Undefined when the stage ARN cannot be read or has no console.
 */
export function cloudWatchLogEventsUrl(options: {
  stageArn: string;
  logGroupName: string;
  requestId: string;
  from: number;
  to: number;
}): string | undefined {
  let partition: string;
  let region: string;
  try {
    ({ partition, region } = parseStageArn(options.stageArn));
  } catch {
    return undefined;
  }
  const origin = consoleOrigin(partition, region);
  if (!origin) return undefined;
  const query = [
    `filterPattern${once('=')}${twice(`"${options.requestId}"`)}`,
    `start${once('=')}${Math.floor(options.from)}`,
    `end${once('=')}${Math.ceil(options.to)}`,
  ].join(once('&'));
  return `${origin}/cloudwatch/home?region=${encodeURIComponent(
    region,
  )}#logsV2:log-groups/log-group/${twice(
    options.logGroupName,
  )}/log-events${once('?')}${query}`;
}
