import http from 'node:http';
import net from 'node:net';

/*
 * An AWS-behaviour layer for tests: an HTTP proxy in front of moto that
 * reproduces what AWS documents and moto lacks (see DOMAIN.md of the
 * project): empty FilterLogEvents pages that still carry a `nextToken`,
 * throttling with AWS's real error shapes and `Retry-After`, expired
 * credentials, a refused `AssumeRole`, slow or hung answers, refused
 * connections, and (given an evaluator) CloudWatch's real filter-pattern
 * semantics, which moto replaces by "every event" for `?` and `{` patterns.
 * Listens on loopback, on a free port; `stop()` ends every connection.
 */

/** What the proxy understood of one request. */
export interface AwsRequestInfo {
  method: string;
  path: string;
  /** The signing service of the request: `apigateway`, `logs`, `sts`, ... */
  service: string;
  /** E.g. `FilterLogEvents`, `GetStages`, `AssumeRole`; `METHOD /path` when unknown. */
  operation: string;
  accessKeyId?: string;
  region?: string;
  /** The JSON body of JSON-protocol calls (CloudWatch Logs). */
  json?: any;
}

/** What the proxy does with a request a rule matches. */
export type AwsBehaviour =
  | { kind: 'hang' }
  | { kind: 'refuse' }
  | { kind: 'delay'; ms: number }
  | {
      kind: 'error';
      status: number;
      code: string;
      message?: string;
      retryAfterSeconds?: number;
    }
  /** FilterLogEvents: answer this many empty pages with a `nextToken` first. */
  | { kind: 'empty-pages'; pages: number };

/** A behaviour for the requests `when` selects, `times` times (default: always). */
export interface AwsBehaviourRule {
  when: (request: AwsRequestInfo) => boolean;
  then: AwsBehaviour;
  times?: number;
}

/** A running proxy. */
export interface AwsBehaviourProxy {
  /** Give this to the SDK clients (`apiGatewayLogging.aws.endpoint`). */
  endpoint: string;
  /** Every request seen, in order. */
  requests: AwsRequestInfo[];
  setRules(rules: AwsBehaviourRule[]): void;
  stop(): Promise<void>;
}

/** Options of {@link startAwsBehaviourProxy}. */
export interface AwsBehaviourOptions {
  /**
   * CloudWatch's filter-pattern semantics: when given, FilterLogEvents
   * reaches moto without its pattern and the proxy keeps the events this
   * evaluator selects, page by page, so pages come back partly full or
   * empty with their `nextToken`, as AWS's do.
   */
  filterPattern?: (pattern: string, message: string) => boolean;
}

const EMPTY_TOKEN = 'aws-behaviour-empty:';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const REST_OPERATIONS: Array<[RegExp, string]> = [
  [/^\/account$/, 'GetAccount'],
  [/^\/restapis$/, 'GetRestApis'],
  [/^\/restapis\/[^/]+\/stages$/, 'GetStages'],
  [/^\/v2\/apis$/, 'GetApis'],
  [/^\/v2\/apis\/[^/]+$/, 'GetApi'],
  [/^\/v2\/apis\/[^/]+\/stages$/, 'GetStages (v2)'],
];

function describe(req: http.IncomingMessage, body: string): AwsRequestInfo {
  const auth = String(req.headers.authorization ?? '');
  const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(auth);
  const target = String(req.headers['x-amz-target'] ?? '');
  const path = (req.url ?? '/').split('?')[0];
  let operation = target ? target.split('.').pop()! : '';
  let json: any;
  if (target) {
    try {
      json = JSON.parse(body || '{}');
    } catch {
      json = undefined;
    }
  }
  if (!operation) {
    const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1];
    operation =
      action ??
      REST_OPERATIONS.find(([re]) => re.test(path))?.[1] ??
      `${req.method} ${path}`;
  }
  return {
    method: req.method ?? 'GET',
    path,
    service: scope?.[3] ?? (operation === 'AssumeRole' ? 'sts' : ''),
    operation,
    accessKeyId: scope?.[1],
    region: scope?.[2],
    json,
  };
}

/** An error as the service's protocol shapes it, so the SDK parses it as AWS's. */
function errorResponse(
  info: AwsRequestInfo,
  behaviour: Extract<AwsBehaviour, { kind: 'error' }>,
) {
  const message = behaviour.message ?? `${behaviour.code} (aws-behaviour)`;
  const headers: Record<string, string> = {
    'x-amzn-requestid': 'aws-behaviour',
    'x-amzn-errortype': behaviour.code,
  };
  if (behaviour.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(behaviour.retryAfterSeconds);
  }
  if (info.service === 'sts' || info.operation === 'AssumeRole') {
    headers['content-type'] = 'text/xml';
    return {
      headers,
      body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${behaviour.code}</Code><Message>${message}</Message></Error><RequestId>aws-behaviour</RequestId></ErrorResponse>`,
    };
  }
  if (info.json !== undefined) {
    headers['content-type'] = 'application/x-amz-json-1.1';
    return {
      headers,
      body: JSON.stringify({ __type: behaviour.code, message }),
    };
  }
  headers['content-type'] = 'application/json';
  return { headers, body: JSON.stringify({ message }) };
}

/** Starts the proxy in front of `target` (moto's endpoint). */
export async function startAwsBehaviourProxy(
  target: string,
  options: AwsBehaviourOptions = {},
): Promise<AwsBehaviourProxy> {
  let rules: Array<AwsBehaviourRule & { used: number }> = [];
  const requests: AwsRequestInfo[] = [];
  const sockets = new Set<net.Socket>();

  async function forward(
    req: http.IncomingMessage,
    body: string,
    res: http.ServerResponse,
    info: AwsRequestInfo,
  ) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && !['host', 'content-length'].includes(k)) {
        headers[k] = v;
      }
    }
    let sent = body;
    const pattern: string | undefined = info.json?.filterPattern;
    const evaluate =
      info.operation === 'FilterLogEvents' && pattern && options.filterPattern;
    if (evaluate) {
      const { filterPattern: _ignored, ...rest } = info.json;
      sent = JSON.stringify(rest);
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : sent,
    });
    let text = await upstream.text();
    if (evaluate && upstream.ok) {
      const page = JSON.parse(text);
      page.events = (page.events ?? []).filter((e: any) =>
        options.filterPattern!(pattern, String(e.message ?? '')),
      );
      text = JSON.stringify(page);
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (
        !['content-length', 'transfer-encoding', 'content-encoding'].includes(
          key,
        )
      )
        out[key] = value;
    });
    res.writeHead(upstream.status, out);
    res.end(text);
  }

  /**
   * Before each real FilterLogEvents page, `pages` empty pages with a
   * token of ours that remembers the real one; true when it answered.
   */
  async function emptyPages(
    behaviour: AwsBehaviour | undefined,
    info: AwsRequestInfo,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<boolean> {
    const pages = behaviour?.kind === 'empty-pages' ? behaviour.pages : 0;
    const token: string | undefined = info.json?.nextToken;
    let served = 0;
    let real = token;
    if (token?.startsWith(EMPTY_TOKEN)) {
      const [count, encoded] = token.slice(EMPTY_TOKEN.length).split(':');
      served = Number(count);
      real =
        Buffer.from(encoded ?? '', 'base64url').toString('utf8') || undefined;
    }
    if (served < pages) {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          events: [],
          searchedLogStreams: [],
          nextToken: `${EMPTY_TOKEN}${served + 1}:${Buffer.from(
            real ?? '',
          ).toString('base64url')}`,
        }),
      );
      return true;
    }
    if (token === real) return false;
    const { nextToken: _ours, ...rest } = info.json;
    info.json = real ? { ...rest, nextToken: real } : rest;
    await forward(req, JSON.stringify(info.json), res, info);
    return true;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const info = describe(req, body);
      requests.push(info);
      const rule = rules.find(
        r => (r.times === undefined || r.used < r.times) && r.when(info),
      );
      try {
        if (rule) rule.used++;
        const behaviour = rule?.then;
        if (behaviour?.kind === 'hang') return;
        if (behaviour?.kind === 'refuse') {
          req.socket.destroy();
          return;
        }
        if (behaviour?.kind === 'delay') {
          await new Promise(r => setTimeout(r, behaviour.ms));
        }
        if (behaviour?.kind === 'error') {
          const { headers, body: text } = errorResponse(info, behaviour);
          res.writeHead(behaviour.status, headers);
          res.end(text);
          return;
        }
        if (info.operation === 'FilterLogEvents') {
          const handled = await emptyPages(behaviour, info, req, res);
          if (handled) return;
        }
        await forward(req, body, res, info);
      } catch (error) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`aws-behaviour proxy: ${(error as Error).message}`);
      }
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    setRules(next) {
      rules = next.map(r => ({ ...r, used: 0 }));
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
