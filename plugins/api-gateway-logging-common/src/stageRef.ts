import {
  ANNOTATION_ACCOUNT_ID,
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
} from './annotations';

/**
 * The API Gateway control plane an API lives in: `v1` (REST APIs,
 * `/restapis/...`) or `v2` (HTTP and WebSocket APIs, `/apis/...`). The ARN
 * tells the family; only AWS can tell HTTP from WebSocket.
 *
 * @public
 */
export type ApiFamily = 'v1' | 'v2';

/** The protocol of an API. @public */
export type ApiType = 'REST' | 'HTTP' | 'WEBSOCKET';

/** One API Gateway stage named by an entity's annotations. @public */
export interface StageRef {
  /** The stage ARN as AWS writes it (empty account field). */
  arn: string;
  partition: string;
  region: string;
  /** Undefined: the default account of the `aws` config. */
  accountId?: string;
  apiId: string;
  apiFamily: ApiFamily;
  stageName: string;
}

/** How an entity selects its stages. @public */
export type StageSelector =
  | { kind: 'arns'; stages: StageRef[] }
  | { kind: 'tags'; tags: Record<string, string>; accountId?: string };

/**
 * A catalog annotation that cannot be used as written. The message says what
 * is wrong and `example` shows a correct value.
 *
 * @public
 */
export class AnnotationError extends Error {
  readonly annotation: string;
  readonly example: string;
  constructor(annotation: string, problem: string, example: string) {
    super(
      `Annotation ${annotation} ${problem}. Example of a correct value: ${annotation}: ${example}`,
    );
    this.name = 'AnnotationError';
    this.annotation = annotation;
    this.example = example;
  }
}

/** A correct example for each annotation, shown in errors and empty states. @public */
export const ANNOTATION_EXAMPLES = {
  [ANNOTATION_STAGE_ARN]:
    'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod,arn:aws:apigateway:us-east-1::/apis/f6g7h8i9j0/stages/$default',
  [ANNOTATION_STAGE_TAGS]: 'service=payments,environment=production',
  [ANNOTATION_ACCOUNT_ID]: '123456789012',
} as const;

// Anchored, bounded patterns: annotation values come from any catalog
// author and end up in AWS requests and log-group names.
const PARTITION = /^aws(-cn|-us-gov|-iso|-iso-b)?$/;
const REGION = /^[a-z]{2}(-[a-z]+){1,2}-\d{1,2}$/;
const ACCOUNT_ID = /^\d{12}$/;
// AWS ids are 10 characters; emulators use other lengths.
const API_ID = /^[a-z0-9]{1,64}$/;
const STAGE_NAME = /^(\$default|[A-Za-z0-9_-]{1,128})$/;
const STAGE_RESOURCE = /^\/(restapis|apis)\/([^/]+)\/stages\/([^/]+)$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const MAX_STAGES_PER_ENTITY = 50;

/** Whether a string is a 12-digit AWS account id. @public */
export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

function arnError(problem: string): AnnotationError {
  return new AnnotationError(
    ANNOTATION_STAGE_ARN,
    problem,
    ANNOTATION_EXAMPLES[ANNOTATION_STAGE_ARN],
  );
}

/**
 * Parses one API Gateway stage ARN. Throws {@link AnnotationError} naming the
 * part that is wrong.
 *
 * @public
 */
export function parseStageArn(
  value: string,
  defaultAccountId?: string,
): StageRef {
  const arn = value.trim();
  const shown = JSON.stringify(arn.slice(0, 200));
  // arn:partition:service:region:account:resource — the resource holds '/'
  // but no ':', so a plain split is exact.
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') {
    throw arnError(
      `has ${shown}, which is not an ARN of the form arn:aws:apigateway:{region}::/restapis/{apiId}/stages/{stage}`,
    );
  }
  const [, partition, service, region, account, resource] = parts;
  if (service !== 'apigateway') {
    throw arnError(
      `has ${shown}, whose service is "${service}"; a stage ARN's service is "apigateway"`,
    );
  }
  if (!PARTITION.test(partition)) {
    throw arnError(`has ${shown}, whose partition "${partition}" is unknown`);
  }
  if (!REGION.test(region)) {
    throw arnError(`has ${shown}, whose region "${region}" is not a region`);
  }
  if (account !== '' && !ACCOUNT_ID.test(account)) {
    throw arnError(
      `has ${shown}, whose account "${account}" is not a 12-digit account id (leave it empty to use ${ANNOTATION_ACCOUNT_ID} or the default account)`,
    );
  }
  const match = STAGE_RESOURCE.exec(resource);
  if (!match) {
    throw arnError(
      `has ${shown}, whose resource is not /restapis/{apiId}/stages/{stage} (REST) or /apis/{apiId}/stages/{stage} (HTTP, WebSocket)`,
    );
  }
  const [, collection, apiId, stageName] = match;
  if (!API_ID.test(apiId)) {
    throw arnError(
      `has ${shown}, whose API id "${apiId}" is not made of lowercase letters and digits`,
    );
  }
  if (!STAGE_NAME.test(stageName)) {
    throw arnError(
      `has ${shown}, whose stage name "${stageName}" is not a valid stage name`,
    );
  }
  const accountId = account || defaultAccountId;
  return {
    arn: `arn:${partition}:apigateway:${region}::${resource}`,
    partition,
    region,
    ...(accountId ? { accountId } : {}),
    apiId,
    apiFamily: collection === 'restapis' ? 'v1' : 'v2',
    stageName,
  };
}

/**
 * Parses a `key=value,key=value` tag query. Throws {@link AnnotationError}.
 *
 * @public
 */
export function parseTagQuery(value: string): Record<string, string> {
  const error = (problem: string) =>
    new AnnotationError(
      ANNOTATION_STAGE_TAGS,
      problem,
      ANNOTATION_EXAMPLES[ANNOTATION_STAGE_TAGS],
    );
  const tags: Record<string, string> = {};
  const pairs = value
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  if (pairs.length === 0) throw error('is empty');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw error(`has "${pair.slice(0, 100)}", which is not key=value`);
    }
    const key = pair.slice(0, eq).trim();
    const tagValue = pair.slice(eq + 1).trim();
    if (!TAG_KEY.test(key) || !TAG_VALUE.test(tagValue)) {
      throw error(`has "${pair.slice(0, 100)}", which is not a valid AWS tag`);
    }
    if (key in tags) throw error(`names the tag "${key}" twice`);
    tags[key] = tagValue;
  }
  return tags;
}

/** The part of an entity these functions read. @public */
export interface AnnotatedEntity {
  metadata: { annotations?: Record<string, string> };
}

/**
 * Whether an entity carries either stage annotation (it may still be
 * malformed: {@link readStageSelector} tells).
 *
 * @public
 */
export function hasStageAnnotation(entity: AnnotatedEntity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ANNOTATION_STAGE_ARN]?.trim() ||
      annotations[ANNOTATION_STAGE_TAGS]?.trim(),
  );
}

/**
 * Reads how an entity selects its stages. Returns undefined when the entity
 * carries neither annotation; throws {@link AnnotationError} when it carries
 * both, or a malformed one.
 *
 * @public
 */
export function readStageSelector(
  entity: AnnotatedEntity,
): StageSelector | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const arns = annotations[ANNOTATION_STAGE_ARN]?.trim();
  const tags = annotations[ANNOTATION_STAGE_TAGS]?.trim();
  const account = annotations[ANNOTATION_ACCOUNT_ID]?.trim();
  if (account !== undefined && !ACCOUNT_ID.test(account)) {
    throw new AnnotationError(
      ANNOTATION_ACCOUNT_ID,
      `has "${account.slice(0, 100)}", which is not a 12-digit AWS account id`,
      ANNOTATION_EXAMPLES[ANNOTATION_ACCOUNT_ID],
    );
  }
  if (arns && tags) {
    throw new AnnotationError(
      ANNOTATION_STAGE_ARN,
      `and ${ANNOTATION_STAGE_TAGS} are both set; an entity uses one of the two, so remove one`,
      ANNOTATION_EXAMPLES[ANNOTATION_STAGE_ARN],
    );
  }
  if (tags) {
    return {
      kind: 'tags',
      tags: parseTagQuery(tags),
      ...(account ? { accountId: account } : {}),
    };
  }
  if (!arns) return undefined;
  const values = arns
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
  if (values.length > MAX_STAGES_PER_ENTITY) {
    throw arnError(
      `names ${values.length} stages; at most ${MAX_STAGES_PER_ENTITY} are read per entity (use ${ANNOTATION_STAGE_TAGS} for large sets)`,
    );
  }
  const stages = values.map(v => parseStageArn(v, account));
  const unique = new Map(stages.map(s => [`${s.accountId ?? ''}|${s.arn}`, s]));
  return { kind: 'arns', stages: [...unique.values()] };
}
