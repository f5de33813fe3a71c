import { buildEvent, type EventContext } from './event';
import * as limits from './limits';
import { createRedactor, type Redactor } from './redact';
import { isValidRequestId } from './requestId';
import { summarize, TraceSummary } from './summarize';
import type {
  ExecutionLogEvent,
  ExecutionLogEventKind,
  ExecutionTrace,
  ParseOptions,
  RawLogEvent,
} from './types';

/**
 * Groups events into traces by request id, with bounded memory: at most
 * `maxOpenTraces` traces (and {@link MAX_BUFFERED_CHARS} characters) are held
 * open; past that the oldest open trace is emitted early.
 */

// Local copies: module bindings compile to getters under some transforms,
// and these are read on every event.
const MAX_BUFFERED_CHARS = limits.MAX_BUFFERED_CHARS;
const OUTCOME_EVENT_ALLOWANCE = limits.OUTCOME_EVENT_ALLOWANCE;
const MAX_REQUEST_ID_LENGTH = limits.MAX_REQUEST_ID_LENGTH;

// Kinds that name the request they belong to, used to group unprefixed
// (2016-era or pasted) events.
const ID_BEARING = new Set<ExecutionLogEventKind>([
  'execution-start',
  'authorizer-start',
  'authorizer-unauthorized',
  'usage-plan-verify',
]);

// Kinds kept past the per-trace cap so a long trace keeps its verdict.
const OUTCOME_KINDS = new Set<ExecutionLogEventKind>([
  'method-completed',
  'configuration-error',
  'timeout-error',
  'execution-failed',
  'lambda-invocation-failed',
  'lambda-function-error',
  'authorizer-unauthorized',
  'unauthorized',
  'authorizer-configuration-exception',
  'usage-plan-throttled',
  'usage-plan-quota-exceeded',
  'throttle-limit-exceeded',
  'api-key-not-authorized',
  'usage-plan-check-failed',
  'endpoint-response-received',
]);

interface OpenTrace {
  requestId: string;
  /** `requestId` is a valid id, so `(requestId) ` prefixes may name it. */
  validId: boolean;
  /** Arrival number of the first event, for the output order. */
  seq: number;
  /** Keys this trace is registered under in the open map. */
  keys: string[];
  events: ExecutionLogEvent[];
  dropped: number;
  chars: number;
  /** Opened by a TestInvoke `Execution log for request` header. */
  fromHeader: boolean;
  /** Has seen a line naming its request (other than the header). */
  named: boolean;
  started: boolean;
  closed: boolean;
  /**
   * Summary fed as events arrive, valid while they arrive in timestamp
   * order (the usual case); otherwise the trace is summarized at close.
   */
  summary: TraceSummary | undefined;
  lastTimestamp: number;
}

/** An emitted trace and its arrival number. */
export interface EmittedTrace {
  seq: number;
  trace: ExecutionTrace;
}

/** Parse options with defaults applied. */
interface Settings {
  maxOpenTraces: number;
  maxEventsPerTrace: number;
}

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1
    ? Math.floor(value)
    : fallback;
}

const redactors = new WeakMap<ParseOptions, Redactor>();
const defaultRedactor = createRedactor();

function redactorFor(options: ParseOptions | undefined): Redactor | undefined {
  if (options?.redact === false) return undefined;
  if (
    !options?.extraSecretHeaders?.length &&
    !options?.extraSecretPatterns?.length
  )
    return defaultRedactor;
  let r = redactors.get(options);
  if (!r) {
    r = createRedactor(options);
    redactors.set(options, r);
  }
  return r;
}

/** Incremental trace assembly; `assembleTraces` and the text parser use it. */
export class TraceAssembler {
  private readonly open = new Map<string, OpenTrace>();
  private readonly current = new Map<string, OpenTrace>();
  /**
   * Open traces in creation order (closed ones are skipped and compacted
   * away): the oldest open trace without iterating the map.
   */
  private queue: OpenTrace[] = [];
  private queueHead = 0;
  private readonly ctx: EventContext;
  private readonly settings: Settings;
  private openCount = 0;
  private bufferedChars = 0;
  private seq = 0;
  private unidentified = 0;

  constructor(
    options: ParseOptions | undefined,
    private readonly emit: (emitted: EmittedTrace) => void,
  ) {
    this.ctx = {
      redact: redactorFor(options),
      maxMessageLength: positiveInt(
        options?.maxMessageLength,
        limits.DEFAULT_MAX_MESSAGE_LENGTH,
      ),
    };
    this.settings = {
      maxOpenTraces: positiveInt(
        options?.maxOpenTraces,
        limits.DEFAULT_MAX_OPEN_TRACES,
      ),
      maxEventsPerTrace: positiveInt(
        options?.maxEventsPerTrace,
        limits.DEFAULT_MAX_EVENTS_PER_TRACE,
      ),
    };
  }

  /** Adds one CloudWatch event (or one logical line of a pasted log). */
  push(raw: RawLogEvent): void {
    const message = typeof raw?.message === 'string' ? raw.message : '';
    const timestamp =
      typeof raw?.timestamp === 'number' && Number.isFinite(raw.timestamp)
        ? raw.timestamp
        : undefined;
    const stream =
      typeof raw?.logStreamName === 'string' ? raw.logStreamName : undefined;
    const streamKey = stream ?? '';
    // parseEventPrefix, inlined: this is the hot path.
    let trace: OpenTrace | undefined;
    let body = message;
    let prefixed = false;
    if (message.charCodeAt(0) === 40) {
      const close = message.indexOf(')', 1);
      if (close > 0 && close <= MAX_REQUEST_ID_LENGTH + 1) {
        // Events of a request come from one stream, so the trace the stream
        // fed last is usually this one: compare its id in place, without
        // slicing and hashing the id (it was validated when first seen).
        const last = this.current.get(streamKey);
        if (
          last !== undefined &&
          last.validId &&
          !last.closed &&
          last.requestId.length === close - 1 &&
          message.startsWith(last.requestId, 1)
        ) {
          trace = last;
          prefixed = true;
        } else {
          const id = message.slice(1, close);
          // An open trace under this id was validated when it was created
          // (header-opened traces may hold any id, hence `validId`).
          const found = this.open.get(id);
          if (found !== undefined ? found.validId : isValidRequestId(id)) {
            trace = found ?? this.create(id, false);
            this.current.set(streamKey, trace);
            prefixed = true;
          }
        }
        if (prefixed) {
          body = message.slice(
            message.charCodeAt(close + 1) === 32 ? close + 2 : close + 1,
          );
        }
      }
    }
    const event = buildEvent(body, timestamp, stream, this.ctx);
    if (trace === undefined) {
      trace = this.unprefixed(event, streamKey);
      this.current.set(streamKey, trace);
    }
    this.append(trace, event);
    this.enforceCaps();
  }

  /** Emits every open trace. */
  flush(): void {
    for (const trace of this.open.values()) this.close(trace);
    this.open.clear();
    this.current.clear();
    this.queue = [];
    this.queueHead = 0;
  }

  /**
   * An event without a `(requestId)` prefix belongs to the request it names,
   * else to the trace its stream last fed (continuations, 2016 lines).
   */
  private unprefixed(event: ExecutionLogEvent, streamKey: string): OpenTrace {
    let cur = this.current.get(streamKey);
    if (cur?.closed) cur = undefined;
    if (event.kind === 'execution-log-header') {
      // Each TestInvoke block is its own request, even when ids repeat.
      const id = event.requestId || this.nextUnidentified();
      const same = this.open.get(id);
      if (same) this.closeAndForget(same);
      return this.create(id, true);
    }
    const id = ID_BEARING.has(event.kind) ? event.requestId : undefined;
    if (!id) return cur ?? this.create(this.nextUnidentified(), false);
    if (cur && cur.keys.includes(id)) {
      return this.restartIfRepeated(cur, event, id);
    }
    if (cur && cur.fromHeader && !cur.named) {
      // `Execution log for request test-request` then `Starting execution
      // for request: test-invoke-request`: one request, two names.
      cur.named = true;
      if (!this.open.has(id)) {
        cur.keys.push(id);
        this.open.set(id, cur);
      }
      return cur;
    }
    const existing = this.open.get(id);
    if (existing) return this.restartIfRepeated(existing, event, id);
    const created = this.create(id, false);
    created.named = true;
    return created;
  }

  /** A second `Starting execution` for an id starts a new request. */
  private restartIfRepeated(
    trace: OpenTrace,
    event: ExecutionLogEvent,
    id: string,
  ): OpenTrace {
    trace.named = true;
    if (event.kind === 'execution-start' && trace.started) {
      this.closeAndForget(trace);
      const created = this.create(id, false);
      created.named = true;
      return created;
    }
    return trace;
  }

  private nextUnidentified(): string {
    this.unidentified += 1;
    return `unidentified-${this.unidentified}`;
  }

  private create(id: string, fromHeader: boolean): OpenTrace {
    const trace: OpenTrace = {
      requestId: id,
      validId: isValidRequestId(id),
      seq: this.seq++,
      keys: [id],
      events: [],
      dropped: 0,
      chars: 0,
      fromHeader,
      named: false,
      started: false,
      closed: false,
      summary: new TraceSummary(),
      lastTimestamp: -Infinity,
    };
    this.open.set(id, trace);
    this.openCount++;
    this.queue.push(trace);
    return trace;
  }

  private append(trace: OpenTrace, event: ExecutionLogEvent): void {
    if (event.kind === 'execution-start') trace.started = true;
    const max = this.settings.maxEventsPerTrace;
    const n = trace.events.length;
    if (
      n >= max &&
      !(OUTCOME_KINDS.has(event.kind) && n < max + OUTCOME_EVENT_ALLOWANCE)
    ) {
      trace.dropped++;
      return;
    }
    trace.events.push(event);
    const summary = trace.summary;
    if (summary !== undefined) {
      const t = event.timestamp;
      if (t === undefined || t >= trace.lastTimestamp) {
        if (t !== undefined) trace.lastTimestamp = t;
        summary.observe(event);
      } else trace.summary = undefined;
    }
    trace.chars += event.message.length;
    this.bufferedChars += event.message.length;
  }

  private enforceCaps(): void {
    while (
      this.openCount > this.settings.maxOpenTraces ||
      (this.bufferedChars > MAX_BUFFERED_CHARS && this.openCount > 1)
    ) {
      const oldest = this.oldestOpen();
      if (oldest === undefined) return;
      this.closeAndForget(oldest);
    }
    // Emitted traces before the head, and traces closed out of order
    // (restarted requests) behind it, are compacted away now and then, so the
    // queue stays proportional to the open traces.
    const head = this.queueHead;
    const length = this.queue.length;
    if (
      (head > 1024 && head * 2 > length) ||
      length - head > 2 * this.openCount + 1024
    )
      this.compactQueue();
  }

  private oldestOpen(): OpenTrace | undefined {
    const queue = this.queue;
    while (this.queueHead < queue.length) {
      const trace = queue[this.queueHead];
      if (!trace.closed) return trace;
      this.queueHead++;
    }
    return undefined;
  }

  private compactQueue(): void {
    const kept: OpenTrace[] = [];
    const queue = this.queue;
    for (let i = this.queueHead; i < queue.length; i++) {
      if (!queue[i].closed) kept.push(queue[i]);
    }
    this.queue = kept;
    this.queueHead = 0;
  }

  private closeAndForget(trace: OpenTrace): void {
    for (const key of trace.keys) {
      if (this.open.get(key) === trace) this.open.delete(key);
    }
    this.close(trace);
  }

  private close(trace: OpenTrace): void {
    if (trace.closed) return;
    trace.closed = true;
    this.openCount--;
    this.bufferedChars -= trace.chars;
    this.emit({
      seq: trace.seq,
      trace: trace.summary
        ? trace.summary.finish(trace.requestId, trace.events, trace.dropped)
        : summarize(trace.requestId, trace.events, trace.dropped),
    });
  }
}

/** Runs events through an assembler and returns traces in arrival order. */
export function collectTraces(
  options: ParseOptions | undefined,
  feed: (assembler: TraceAssembler) => void,
): ExecutionTrace[] {
  const out: EmittedTrace[] = [];
  const assembler = new TraceAssembler(options, e => out.push(e));
  feed(assembler);
  assembler.flush();
  let ordered = true;
  for (let i = 1; i < out.length; i++) {
    if (out[i].seq < out[i - 1].seq) {
      ordered = false;
      break;
    }
  }
  if (!ordered) out.sort((a, b) => a.seq - b.seq);
  return out.map(e => e.trace);
}

/** A streaming assembler: push events, receive traces as they complete. @public */
export interface TraceStream {
  push(event: RawLogEvent): void;
  /** Emits every trace still open (call at the end of the stream). */
  flush(): void;
}

/**
 * Streaming form of `assembleTraces` for long event streams: each trace is
 * handed to `onTrace` when it is evicted by the open-trace caps or flushed,
 * so memory stays bounded by `maxOpenTraces` and the per-trace caps.
 *
 * @public
 */
export function createTraceAssembler(
  options: ParseOptions | undefined,
  onTrace: (trace: ExecutionTrace) => void,
): TraceStream {
  const assembler = new TraceAssembler(options, e => onTrace(e.trace));
  return {
    push: event => assembler.push(event),
    flush: () => assembler.flush(),
  };
}
