/**
 * The few pieces every vendor emulator shares: a request handler shape, JSON body reading,
 * JSON replies, a request log that tests count, and a seeded random source. Each emulator
 * speaks its vendor's own wire protocol on top of these; nothing here decides a status code
 * or an error envelope.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface EmulatorOptions {
  /** Seed for the generated data; the same seed gives the same data. */
  seed?: number;
  /** Added before every response, to imitate a real network (benchmarks use 20–50 ms). */
  latencyMs?: number;
  /** "Now" for the generated data, so dates stay stable across runs. */
  now?: Date;
  /**
   * How many tickets to seed (deterministic for a seed); each emulator's default when unset.
   * `npm run emulators -- --tickets N`, the bench and the tests use it for data at scale.
   */
  tickets?: number;
  /** Per-emulator tuning (e.g. rate limits); each emulator documents its own keys. */
  limits?: Record<string, number>;
  /**
   * Test mode: serves `PUT /__emulator/faults` (body: a FaultPlan) and `DELETE
   * /__emulator/faults`, to inject faults into the following requests. Never on by default.
   */
  testMode?: boolean;
  /** A fault to inject from the start (e.g. from a config), same shape as the admin endpoint's. */
  faults?: FaultPlan;
}

/** What to do to the next requests instead of (or before) answering them. */
export interface FaultPlan {
  /** Wait this long before answering (applies together with the others). */
  delayMs?: number;
  /** Answer with this status and a JSON error body. */
  status?: 500 | 502 | 503 | 429;
  /** With status 429/503: the Retry-After header, in seconds. */
  retryAfterSeconds?: number;
  /** Drop the connection without answering. */
  reset?: boolean;
  /** Answer 200 with a body the adapter cannot read. */
  malformed?: 'html' | 'truncated-json' | 'wrong-shape';
  /** Only this many requests get the fault; then it clears. Default: every request. */
  times?: number;
  /** Only requests whose path contains this. */
  pathIncludes?: string;
}

export const FAULTS_PATH = '/__emulator/faults';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
  /** The W3C `traceparent` header the gateway sent, if any (tracing tests). */
  traceparent?: string;
}

export interface RequestLog {
  readonly entries: readonly RecordedRequest[];
  record(entry: RecordedRequest): void;
  /** Requests whose path matches, e.g. `count('GET', /^\/tickets\/\d+$/)`. */
  count(method: string, path: RegExp | string): number;
  clear(): void;
}

export interface Emulator {
  handler: RequestListener;
  /** Demo credentials in the config format's field names for this kind. */
  credentials: Record<string, string>;
  /** Extra fields for the source entry (e.g. `timeZone`), as the config format has them. */
  settings?: Record<string, unknown>;
  /** Appended to the listening origin to make the source's `baseUrl`. */
  basePath?: string;
  requests: RequestLog;
}

export const DEFAULT_EMULATOR_SEED = 20251125;
/** Dates in seeded data are laid out backwards from here, so runs agree on every machine. */
export const DEFAULT_EMULATOR_NOW = new Date('2025-11-20T09:00:00Z');

export function createRequestLog(): RequestLog {
  const entries: RecordedRequest[] = [];
  return {
    entries,
    record(entry) {
      entries.push(entry);
    },
    count(method, path) {
      return entries.filter(
        (e) => e.method === method && (typeof path === 'string' ? e.path === path : path.test(e.path)),
      ).length;
    },
    clear() {
      entries.length = 0;
    },
  };
}

export class BodyError extends Error {
  constructor(
    readonly reason: 'too-large' | 'invalid-json',
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body; an empty body reads as undefined. */
export async function readJsonBody(req: IncomingMessage, maxBytes = 1_048_576): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) throw new BodyError('too-large', `body larger than ${maxBytes} bytes`);
    chunks.push(buf);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError('invalid-json', 'body is not valid JSON');
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
  };
}

export interface SeededRandom {
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** Applies a fault; true when it answered (or dropped) the request itself. */
async function injectFault(fault: FaultPlan, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  await delay(fault.delayMs ?? 0);
  if (fault.reset) {
    req.socket.destroy();
    return true;
  }
  if (fault.status !== undefined) {
    const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    sendJson(res, fault.status, { error: 'injected fault', status: fault.status }, headers);
    return true;
  }
  if (fault.malformed === 'html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><h1>Maintenance</h1></body></html>');
    return true;
  }
  if (fault.malformed === 'truncated-json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"items": [{"id": 1, "tit');
    return true;
  }
  if (fault.malformed === 'wrong-shape') {
    sendJson(res, 200, { unexpected: ['this', 'is', 'not', 'the', 'documented', 'shape'] });
    return true;
  }
  return false;
}

/**
 * Wraps a vendor handler with what every emulator does before its own logic: record the
 * request, wait the configured latency, and turn an unexpected throw into a bare 500 (the
 * vendor's own error envelopes are the handler's business).
 */
export function instrumentHandler(
  log: RequestLog,
  options: EmulatorOptions,
  handle: (req: IncomingMessage, res: ServerResponse, url: URL, body: unknown) => Promise<void> | void,
): RequestListener {
  let plan: FaultPlan | null = options.faults ?? null;
  const takeFault = (path: string): FaultPlan | null => {
    if (!plan || (plan.pathIncludes !== undefined && !path.includes(plan.pathIncludes))) return null;
    const current = plan;
    if (current.times !== undefined) {
      const left = current.times - 1;
      plan = left > 0 ? { ...current, times: left } : null;
    }
    return current;
  };
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://emulator.local');
      if (options.testMode && url.pathname === FAULTS_PATH) {
        const body = req.method === 'PUT' ? await readJsonBody(req).catch(() => undefined) : undefined;
        if (req.method === 'DELETE') plan = null;
        else if (req.method === 'PUT' && typeof body === 'object' && body !== null) plan = body as FaultPlan;
        else return sendJson(res, 400, { error: 'PUT a fault plan or DELETE' });
        return sendJson(res, 200, { faults: plan });
      }
      const fault = takeFault(url.pathname);
      if (fault && (await injectFault(fault, req, res))) {
        log.record({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, ...traceparentOf(req) });
        return;
      }
      let body: unknown;
      try {
        body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readJsonBody(req);
      } catch (error) {
        body = error instanceof BodyError ? error : undefined;
      }
      log.record({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, ...traceparentOf(req) });
      await delay(options.latencyMs ?? 0);
      await handle(req, res, url, body);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal emulator error', detail: String(error) });
      else res.destroy();
    });
  };
}

function traceparentOf(req: IncomingMessage): { traceparent?: string } {
  const value = req.headers.traceparent;
  return typeof value === 'string' ? { traceparent: value } : {};
}
