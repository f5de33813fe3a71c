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
  /**
   * FilterLogEvents: before each real page, this many empty pages with a
   * `nextToken`; and pages of at most `events` events (partly full pages).
   */
  | { kind: 'pages'; empty?: number; events?: number };

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
  /**
   * Log groups the proxy serves FilterLogEvents for itself, as AWS does it:
   * events in time order across streams, at most `scanEventsPerCall` events
   * of the group looked at per call and at most 10,000 matches or 1 MB per
   * page, so pages come back partly full or empty with a `nextToken` until
   * the window is scanned. For stores too large for moto, whose
   * FilterLogEvents re-reads the whole group on every page. Events must be
   * sorted by timestamp.
   */
  logGroups?: Record<string, ServedLogEvent[]>;
  /** Default 50,000. AWS does not document how much one call scans. */
  scanEventsPerCall?: number;
}

/** An event of a log group the proxy serves itself. */
export interface ServedLogEvent {
  timestamp: number;
  message: string;
  logStreamName: string;
}

const PAGE_TOKEN = 'aws-behaviour-page:';
const STORE_TOKEN = 'aws-behaviour-store:';
const MAX_PAGE_EVENTS = 10_000;
const MAX_PAGE_BYTES = 1_000_000;

/** The first index whose event is at or after `time` (events sorted by time). */
function firstAtOrAfter(events: ServedLogEvent[], time: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].timestamp < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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

  /** The request sent on to moto (FilterLogEvents patterns evaluated here when asked). */
  async function upstream(
    req: http.IncomingMessage,
    body: string,
    info: AwsRequestInfo,
  ): Promise<{
    status: number;
    headers: Record<string, string>;
    text: string;
  }> {
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
    const response = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : sent,
    });
    let text = await response.text();
    if (evaluate && response.ok) {
      const page = JSON.parse(text);
      page.events = (page.events ?? []).filter((e: any) =>
        options.filterPattern!(pattern, String(e.message ?? '')),
      );
      text = JSON.stringify(page);
    }
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (
        !['content-length', 'transfer-encoding', 'content-encoding'].includes(
          key,
        )
      )
        out[key] = value;
    });
    return { status: response.status, headers: out, text };
  }

  async function forward(
    req: http.IncomingMessage,
    body: string,
    res: http.ServerResponse,
    info: AwsRequestInfo,
  ) {
    const { status, headers, text } = await upstream(req, body, info);
    res.writeHead(status, headers);
    res.end(text);
  }

  /**
   * FilterLogEvents as AWS may page it: empty pages with a token before each
   * real page, and real pages cut to a few events. Our token remembers the
   * real one and where in its page we are.
   */
  async function paged(
    behaviour: Extract<AwsBehaviour, { kind: 'pages' }> | undefined,
    info: AwsRequestInfo,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    const token: string | undefined = info.json?.nextToken;
    let empties = 0;
    let offset = 0;
    let real = token;
    if (token?.startsWith(PAGE_TOKEN)) {
      const [e, o, encoded] = token.slice(PAGE_TOKEN.length).split(':');
      empties = Number(e);
      offset = Number(o);
      real =
        Buffer.from(encoded ?? '', 'base64url').toString('utf8') || undefined;
    }
    const ours = (e: number, o: number, t?: string) =>
      `${PAGE_TOKEN}${e}:${o}:${Buffer.from(t ?? '').toString('base64url')}`;
    const reply = (page: object) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(page));
    };
    const emptyPages = behaviour?.empty ?? 0;
    if (offset === 0 && empties < emptyPages) {
      reply({
        events: [],
        searchedLogStreams: [],
        nextToken: ours(empties + 1, 0, real),
      });
      return;
    }
    const { nextToken: _ours, ...rest } = info.json;
    info.json = real ? { ...rest, nextToken: real } : rest;
    const answer = await upstream(req, JSON.stringify(info.json), info);
    if (answer.status !== 200) {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.text);
      return;
    }
    const page = JSON.parse(answer.text);
    const events: any[] = page.events ?? [];
    const size = behaviour?.events ?? events.length;
    const slice = events.slice(offset, offset + Math.max(1, size));
    const more = offset + slice.length < events.length;
    // The rest of this page, else moto's next page (behind our empty pages).
    let next: string | undefined = page.nextToken;
    if (more) next = ours(emptyPages, offset + slice.length, real);
    else if (next && (emptyPages > 0 || behaviour?.events))
      next = ours(0, 0, next);
    reply({
      ...page,
      events: slice,
      ...(next ? { nextToken: next } : { nextToken: undefined }),
    });
  }

  /** One FilterLogEvents page of a group the proxy serves itself. */
  function servePage(info: AwsRequestInfo, res: http.ServerResponse) {
    const events = options.logGroups![info.json.logGroupName];
    const start: number = info.json.startTime ?? 0;
    const end: number = info.json.endTime ?? Number.MAX_SAFE_INTEGER;
    const pattern: string | undefined = info.json.filterPattern;
    const token = String(info.json.nextToken ?? '');
    let i = token.startsWith(STORE_TOKEN)
      ? Number(token.slice(STORE_TOKEN.length))
      : firstAtOrAfter(events, start);
    const scanEnd = i + (options.scanEventsPerCall ?? 50_000);
    const page: ServedLogEvent[] = [];
    let bytes = 0;
    for (; i < events.length && i < scanEnd; i++) {
      const e = events[i];
      if (e.timestamp > end) {
        i = events.length;
        break;
      }
      if (pattern && !options.filterPattern!(pattern, e.message)) continue;
      page.push(e);
      bytes += Buffer.byteLength(e.message) + 26;
      if (page.length >= MAX_PAGE_EVENTS || bytes >= MAX_PAGE_BYTES) {
        i++;
        break;
      }
    }
    const more = i < events.length && events[i].timestamp <= end;
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(
      JSON.stringify({
        events: page.map((e, n) => ({
          ...e,
          eventId: `${i}-${n}`,
          ingestionTime: e.timestamp,
        })),
        searchedLogStreams: [],
        ...(more ? { nextToken: `${STORE_TOKEN}${i}` } : {}),
      }),
    );
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
        if (
          info.operation === 'FilterLogEvents' &&
          options.logGroups?.[info.json?.logGroupName]
        ) {
          servePage(info, res);
          return;
        }
        if (
          info.operation === 'FilterLogEvents' &&
          (behaviour?.kind === 'pages' ||
            String(info.json?.nextToken ?? '').startsWith(PAGE_TOKEN))
        ) {
          await paged(
            behaviour?.kind === 'pages' ? behaviour : undefined,
            info,
            req,
            res,
          );
          return;
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
