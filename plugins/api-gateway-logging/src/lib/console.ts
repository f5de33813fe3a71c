/**
 * The AWS console's address for a region (the backend's `region` field):
 * the commercial regions, China (`cn-`) and GovCloud (`us-gov-`) each have
 * their own domain; the isolated regions (`us-iso-`, `us-isob-`, `eu-isoe-`,
 * ...) have no console reachable from here (undefined).
 */
export function consoleOrigin(region: string): string | undefined {
  if (!/^[a-z]{2}(-[a-z]+){1,2}-\d{1,2}$/.test(region)) return undefined;
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn';
  if (region.startsWith('us-gov-')) {
    return 'https://console.amazonaws-us-gov.com';
  }
  if (/^[a-z]{2}-iso/.test(region)) return undefined;
  return `https://${region}.console.aws.amazon.com`;
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
 * request id over a window, in the stage's region (and so its partition).
 * Undefined when the region has no console.
 */
export function cloudWatchLogEventsUrl(options: {
  region: string;
  logGroupName: string;
  requestId: string;
  from: number;
  to: number;
}): string | undefined {
  const { region } = options;
  const origin = consoleOrigin(region);
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
