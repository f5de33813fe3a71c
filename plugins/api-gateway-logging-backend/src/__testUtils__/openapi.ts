import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import supertest from 'supertest';
import YAML from 'yaml';

/*
 * The plugin's HTTP contract, openapi.yaml, enforced on real responses: the
 * tests' `request(server)` validates every response (status, content type,
 * body, errors included) against the document, so the document cannot
 * drift from what the routes serve.
 */

const BASE = '/api/api-gateway-logging';
const SPEC_PATH = path.resolve(__dirname, '..', '..', 'openapi.yaml');

interface Operation {
  template: string;
  method: string;
  pattern: RegExp;
  statuses: Map<string, Map<string, string>>; // status → content type → schema pointer
}

let cached: { ajv: Ajv; spec: any; operations: Operation[] } | undefined;

/** The parsed document, its schemas compiled once. */
export function openApi() {
  if (cached) return cached;
  const spec = YAML.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
  // strict: false: OpenAPI keywords (example, ...) are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec, 'openapi.json');
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const statuses = new Map<string, Map<string, string>>();
      for (const [status, response] of Object.entries<any>(op.responses)) {
        const resolved = response.$ref
          ? resolvePointer(spec, response.$ref)
          : response;
        const base = response.$ref
          ? `${response.$ref}/content`
          : `#/paths/${escape(template)}/${method}/responses/${status}/content`;
        const types = new Map<string, string>();
        for (const type of Object.keys(resolved.content ?? {})) {
          types.set(type, `${base}/${escape(type)}/schema`);
        }
        statuses.set(status, types);
      }
      operations.push({
        template,
        method,
        statuses,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      });
    }
  }
  cached = { ajv, spec, operations };
  return cached;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolvePointer(spec: any, ref: string): any {
  return ref
    .slice(2)
    .split('/')
    .reduce(
      (node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      spec,
    );
}

/** The documented operation a request path and method are, if any. */
export function findOperation(method: string, url: string) {
  const pathname = new URL(url, 'http://x').pathname;
  const inner = pathname.startsWith(BASE)
    ? pathname.slice(BASE.length)
    : pathname;
  return openApi().operations.find(
    op => op.method === method.toLowerCase() && op.pattern.test(inner),
  );
}

const validators = new Map<string, ValidateFunction>();

/** Throws, naming every mismatch, unless the response is as documented. */
export function assertMatchesSpec(
  method: string,
  url: string,
  res: {
    status: number;
    headers: Record<string, string>;
    body: unknown;
    text?: string;
  },
): void {
  const op = findOperation(method, url);
  const where = `${method.toUpperCase()} ${url} → ${res.status}`;
  if (!op) {
    // Only an unknown path may answer undocumented: with the JSON 404.
    if (res.status !== 404)
      throw new Error(`${where}: route not in openapi.yaml`);
    validateBody(where, '#/components/schemas/Error', res.body);
    return;
  }
  const types = op.statuses.get(String(res.status));
  if (!types) {
    throw new Error(
      `${where}: status ${
        res.status
      } is not documented for ${op.method.toUpperCase()} ${op.template}`,
    );
  }
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  const pointer = types.get(type);
  if (!pointer) {
    throw new Error(`${where}: content type ${type} is not documented`);
  }
  if (type === 'application/json') validateBody(where, pointer, res.body);
}

function validateBody(where: string, pointer: string, body: unknown) {
  const { ajv } = openApi();
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`openapi.json${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `${where}: the body does not match openapi.yaml (${pointer}): ${ajv.errorsText(
        validate.errors,
        { separator: '; ' },
      )}`,
    );
  }
}

/**
 * `supertest(server)`, whose GET responses are checked against
 * openapi.yaml before the test sees them.
 */
export function request(server: Parameters<typeof supertest>[0]) {
  const agent = supertest(server);
  return {
    get(url: string) {
      const test = agent.get(url);
      const then = test.then.bind(test);
      (test as any).then = (resolve: any, reject: any) =>
        then((res: any) => {
          assertMatchesSpec('get', url, res);
          return res;
        }).then(resolve, reject);
      return test;
    },
  };
}
