import {
  AuditCheck,
  AuditInput,
  CheckOutcome,
  LoggingPolicy,
  checkOutcome,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import {
  accessLogIac,
  accessLogRemediationCli,
  SUGGESTED_FORMAT,
} from './accessLogging';

const REQUEST_ID = ['$context.requestId', '$context.extendedRequestId'];
const STATUS = '$context.status';
/** What the failures view needs to explain an error; missing = warn. */
const RECOMMENDED = ['$context.error.responseType', '$context.error.message'];

const VARIABLE = /\$(context|stageVariables)\.[A-Za-z0-9_.-]+/g;

/** The `$context` variables a format uses. */
export function formatVariables(format: string): Set<string> {
  return new Set(format.match(VARIABLE) ?? []);
}

/**
 * Whether the format yields JSON: with every variable replaced by a value,
 * it parses as a JSON object.
 */
export function isJsonFormat(format: string): boolean {
  const trimmed = format.trim();
  if (!trimmed.startsWith('{')) return false;
  try {
    const parsed = JSON.parse(trimmed.replace(VARIABLE, '0'));
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

function normalizeField(field: string): string {
  const f = field.trim();
  if (f.startsWith('$')) return f;
  return f.startsWith('context.') ? `$${f}` : `$context.${f}`;
}

/**
 * The access-log format must identify the request (`$context.requestId` or
 * `$context.extendedRequestId`) and its outcome (`$context.status`), be JSON
 * if the policy asks (cdk-nag APIGWStructuredLogging), and hold the fields
 * the policy requires.
 */
export function checkAccessLogFormat(
  input: AuditInput,
  policy: LoggingPolicy,
): CheckOutcome {
  const settings = input.stage.accessLog;
  if (!settings?.destinationArn) {
    return checkOutcome(
      'not-applicable',
      'Access logging is off (see the access-logging check).',
      {
        format: null,
      },
    );
  }
  const format = settings.format ?? '';
  const used = formatVariables(format);
  const json = isJsonFormat(format);
  const missing: string[] = [];
  if (!REQUEST_ID.some(v => used.has(v))) {
    missing.push(REQUEST_ID.join(' or '));
  }
  if (!used.has(STATUS)) missing.push(STATUS);
  for (const field of policy.accessLogFormat.requiredFields.map(
    normalizeField,
  )) {
    if (!used.has(field)) missing.push(field);
  }
  const problems = [...missing.map(m => `lacks ${m}`)];
  if (policy.accessLogFormat.requireJson && !json) problems.push('is not JSON');
  const evidence = { format, json, variables: [...used].sort() };
  const fix = {
    summary: `Use a format that includes ${[
      ...REQUEST_ID.slice(0, 1),
      STATUS,
      ...policy.accessLogFormat.requiredFields.map(normalizeField),
    ].join(', ')}${
      policy.accessLogFormat.requireJson ? ', written as JSON' : ''
    }; for example ${SUGGESTED_FORMAT}`,
    cli: accessLogRemediationCli(
      input,
      settings.destinationArn,
      SUGGESTED_FORMAT,
    ),
    ...accessLogIac(input, 'Format'),
  };
  if (problems.length) {
    return checkOutcome(
      'fail',
      `The access log format ${problems.join(', ')}.`,
      { ...evidence, missing },
      fix,
    );
  }
  const recommended = RECOMMENDED.filter(v => !used.has(v));
  if (recommended.length) {
    return checkOutcome(
      'warn',
      `The access log format lacks ${recommended.join(
        ' and ',
      )}, which tell why a request failed.`,
      { ...evidence, missing: recommended },
      fix,
    );
  }
  return checkOutcome(
    'pass',
    'The access log format identifies each request and its outcome.',
    evidence,
  );
}

/** Access log format: The access-log format carries the request id and the status (and JSON or more fields when the policy asks), so a failing request can be found and joined to its execution log. */
export const accessLogFormatCheck: AuditCheck = {
  id: 'access-log-format',
  title: 'Access log format',
  severity: 'medium',
  description:
    'The access-log format carries the request id and the status (and JSON or more fields when the policy asks), so a failing request can be found and joined to its execution log.',
  reads: ['stage'],
  evaluate: checkAccessLogFormat,
};
