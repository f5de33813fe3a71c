/**
 * Catalog annotations read by the api-gateway-logging plugins.
 *
 * An entity names its API Gateway stages with exactly one of
 * {@link ANNOTATION_STAGE_ARN} or {@link ANNOTATION_STAGE_TAGS}.
 */

/**
 * One or more stage ARNs, comma-separated.
 *
 * REST: `arn:aws:apigateway:{region}::/restapis/{apiId}/stages/{stage}`;
 * HTTP and WebSocket: `arn:aws:apigateway:{region}::/apis/{apiId}/stages/{stage}`.
 * API Gateway ARNs leave the account field empty; it may be filled in
 * (`arn:aws:apigateway:{region}:{accountId}:/restapis/...`) to name the account
 * of that one stage.
 *
 * @public
 */
export const ANNOTATION_STAGE_ARN = 'aws.amazon.com/api-gateway-stage-arn';

/**
 * A tag query, `key=value,key=value`, that selects every stage carrying all of
 * those tags in the accounts and regions listed in the plugin's config.
 *
 * @public
 */
export const ANNOTATION_STAGE_TAGS = 'aws.amazon.com/api-gateway-tags';

/**
 * The 12-digit AWS account id of the entity's stages, for ARNs that leave the
 * account field empty (as API Gateway ARNs do). Without it, and without an
 * account in the ARN, the stage belongs to the default account of the `aws`
 * config (`aws.accountDefaults` / `aws.mainAccount`).
 *
 * @public
 */
export const ANNOTATION_ACCOUNT_ID = 'aws.amazon.com/api-gateway-account-id';

/**
 * Optional override of the CloudWatch log group that holds the execution logs
 * of the entity's stages, for logs routed elsewhere than the default
 * `API-Gateway-Execution-Logs_{apiId}/{stage}`. `{apiId}` and `{stage}` are
 * substituted.
 *
 * @public
 */
export const ANNOTATION_EXECUTION_LOG_GROUP =
  'aws.amazon.com/api-gateway-execution-log-group';

/** Every annotation of the plugin, for documentation and UI hints. @public */
export const API_GATEWAY_LOGGING_ANNOTATIONS = [
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
  ANNOTATION_ACCOUNT_ID,
  ANNOTATION_EXECUTION_LOG_GROUP,
] as const;
