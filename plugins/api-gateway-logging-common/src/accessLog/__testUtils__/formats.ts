import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * Test-only: the access-log formats of the copied fixtures, as a stage
 * would store them, and lines rendered from them the way API Gateway does
 * (each `$context` variable replaced by its value, `-` when unset).
 */

export const ACCESS_FIXTURE_DIR = join(
  __dirname,
  '../../__fixtures__/access-logs',
);

export function readAccessFixture(name: string): string {
  return readFileSync(join(ACCESS_FIXTURE_DIR, name), 'utf8');
}

/**
 * The real JSON event of the moj sample (a console copy: a timestamp line,
 * then the event pretty-printed), and what any reader must make of it.
 */
export function mojSampleEvent(): string {
  const text = readAccessFixture('moj-3807-rest-access-log-sample.txt');
  return text.slice(text.indexOf('{'));
}

export const MOJ_SAMPLE_RECORD = {
  requestId: 'a4188e34-1104-424e-9907-eebbf55dd662',
  status: 400,
  httpMethod: 'POST',
  resourcePath: '/data-product/{data-product-name}/table/{table-name}/schema',
};

/** A format from a fixture, with where it came from. */
export interface FixtureFormat {
  label: string;
  format: string;
}

/**
 * AWS prints long formats over several lines (` \` continuations, and one
 * line of the XML example without); a stage stores one line. A space before
 * the backslash stays one space, `,\` joins with nothing.
 */
function oneLine(text: string): string {
  return text.replace(
    /([ \t]*)(\\?)\r?\n[ \t]*/g,
    (_m, space: string, backslash: string) => (backslash && !space ? '' : ' '),
  );
}

/** The `## NAME` sections of an AWS docs file, as one line each. */
function docSections(file: string): FixtureFormat[] {
  const text = readAccessFixture(file);
  const out: FixtureFormat[] = [];
  for (const section of text.split(/^## /m).slice(1)) {
    const [title, ...lines] = section.split('\n');
    const body = oneLine(lines.join('\n').trim());
    if (/^(CLF|JSON|XML|CSV)$/.test(title.trim()))
      out.push({ label: `${file} ${title.trim()}`, format: body });
  }
  return out;
}

/** `Format: ...` of the CloudFormation example. */
function cloudFormationFormat(file: string): FixtureFormat {
  const line = readAccessFixture(file)
    .split('\n')
    .find(l => l.trim().startsWith('Format: '))!;
  return {
    label: `${file} CloudFormation`,
    format: line.trim().slice('Format: '.length),
  };
}

/** The `Format` of the CLI example (JSON inside shell quotes). */
function cliFormat(file: string): FixtureFormat {
  const text = readAccessFixture(file);
  const json = /--access-log-settings '([^']+)'/.exec(text)![1];
  return { label: `${file} CLI`, format: JSON.parse(json).Format };
}

/**
 * A Python dict literal of `'key': '$context.x'` pairs rendered the way
 * `json.dumps` does (the azul files say their format is rendered so).
 */
function pythonDictFormat(file: string): FixtureFormat {
  const pairs = [
    ...readAccessFixture(file).matchAll(
      /^\s*['"]([^'"]+)['"]\s*:\s*['"]([^'"]+)['"],?\s*$/gm,
    ),
  ].map(m => `${JSON.stringify(m[1])}: ${JSON.stringify(m[2])}`);
  return { label: file, format: `{${pairs.join(', ')}}` };
}

/** The one-line format of the course README (malformed JSON). */
function bareFormat(file: string): FixtureFormat {
  const line = readAccessFixture(file)
    .split('\n')
    .find(l => l.startsWith('{'))!;
  return { label: file, format: line };
}

/** Every access-log format of the fixtures: 13 in all. */
export function fixtureFormats(): FixtureFormat[] {
  return [
    ...docSections('awsdocs-rest-access-log-formats.txt'),
    cloudFormationFormat('awsdocs-rest-access-log-formats.txt'),
    ...docSections('awsdocs-http-api-access-log-formats.txt'),
    cliFormat('awsdocs-http-api-access-log-formats.txt'),
    pythonDictFormat('azul-attic-access-log-format.txt'),
    pythonDictFormat('azul-terraform-access-log-format.txt'),
    bareFormat('uopsdod-course-malformed-json-access-log-format.txt'),
  ];
}

/**
 * The real field values of azul's access logs (a Logs Insights table: one
 * row per combination of response type, status, integration statuses and
 * error message), as request values.
 */
export function azulFieldValueRows(): RequestValues[] {
  const text = readAccessFixture('azul-7470-access-log-field-values.md');
  return text
    .split('\n')
    .filter(l => l.startsWith('|'))
    .map(l =>
      l
        .split('|')
        .slice(1, -1)
        .map(c => c.trim()),
    )
    .filter(cells => /^\d{3}$/.test(cells[1]))
    .map(([responseType, status, integrationStatus, lambdaStatus, message]) =>
      requestValues(Number(status), {
        'error.responseType': responseType,
        'error.message': message,
        'error.messageString': message === '-' ? '-' : `"${message}"`,
        'integration.status': integrationStatus,
        'integration.integrationStatus': lambdaStatus,
      }),
    );
}

/** The `$context.authorizer.error` values classmethod's article shows. */
export function authorizerErrorValues(): string[] {
  return readAccessFixture('classmethod-http-api-authorizer-error-values.txt')
    .split('\n')
    .filter(l => l !== '' && !l.startsWith('# '));
}

/** Values of one request, by variable without `$context.`. */
export type RequestValues = Record<string, string>;

/** A request's values as API Gateway would log them. */
export function requestValues(
  status: number,
  overrides: RequestValues = {},
): RequestValues {
  const failing = status >= 400;
  return {
    requestId: 'a4188e34-1104-424e-9907-eebbf55dd662',
    extendedRequestId: 'YIwYiFstIAMESqA=',
    'identity.sourceIp': '51.14.4.225',
    'identity.userAgent': 'curl/8.4.0',
    requestTime: '27/Oct/2023:13:40:57 +0000',
    requestTimeEpoch: '1698414057744',
    httpMethod: 'POST',
    resourcePath: '/data-product/{data-product-name}/schema',
    routeKey: 'POST /data-product/{data-product-name}/schema',
    path: '/development/data-product/test_product1/schema',
    protocol: 'HTTP/1.1',
    status: String(status),
    responseLength: '87',
    responseLatency: '412',
    integrationLatency: failing ? '-' : '398',
    integrationStatus: failing ? '-' : '200',
    accountId: '542754589326',
    apiId: 'ccp122p730',
    stage: 'prod',
    domainName: 'service.example.org',
    domainPrefix: 'service',
    'error.responseType': failing ? 'DEFAULT_4XX' : '-',
    'error.message': failing ? 'Missing Authentication Token' : '-',
    'error.messageString': failing ? '"Missing Authentication Token"' : '-',
    ...overrides,
  };
}

const VARIABLE = /\$context(?:\.[A-Za-z0-9_]+)+/g;

/** One line of `format` for `values` (unset variables as `-`). */
export function renderLine(format: string, values: RequestValues): string {
  return format
    .replace(/[\r\n]+$/, '')
    .replace(VARIABLE, v => values[v.slice('$context.'.length)] ?? '-');
}
