import { Config } from '@backstage/config';

/** `apiGatewayLogging.logShipping`, with defaults. */
export interface LogShippingConfig {
  /** ARN patterns of the accepted destinations; empty: any. */
  destinationArnPatterns: string[];
  /** The destination the fix names. */
  destinationArn: string;
}

/** Reads the module's config once, at startup. */
export function readLogShippingConfig(root: Config): LogShippingConfig {
  const config = root.getOptionalConfig('apiGatewayLogging.logShipping');
  return {
    destinationArnPatterns:
      config?.getOptionalStringArray('destinationArnPatterns') ?? [],
    destinationArn:
      config?.getOptionalString('destinationArn') ?? '<destination-arn>',
  };
}
