/**
 * One keep-alive undici Pool per source. Every upstream call goes through `request`, which
 * applies the source's timeouts, checks the content type before parsing, and turns transport
 * failures into typed UpstreamErrors carrying the source key. Vendor envelopes (BlueKing's
 * `result: false`, COC's `error_code` …) are the adapter's to read: this layer only knows HTTP.
 *
 * Nothing from the request (headers, body, query) is ever copied into an error: credentials
 * travel in all three, depending on the vendor.
 */
import { performance } from 'node:perf_hooks';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { resilienceSettings, type ResilienceSettings } from '../settings.js';
import { UpstreamError, UpstreamErrorCode as ErrorCode, isUpstreamError, type UpstreamErrorCode } from './errors.js';
import { currentRequestScope } from '../request-scope.js';
import { identityHeaders } from '../auth/identity-headers.js';
import { backoffMs, CircuitBreaker, ConcurrencyGate, RetryBudget, type CircuitState } from './resilience.js';

export interface SourceHttpOptions {
  source: string;
  baseUrl: string;
  /** Whole-request budget in ms. */
  timeoutMs: number;
  /** Pool size: concurrent connections to this vendor. */
  connections?: number;
  /** Injected in tests to fake or count calls; by default a Pool on the base URL's origin. */
  dispatcher?: Dispatcher;
  /** Retries, breaker, pool and queue sizes; defaults from src/config.ts. */
  resilience?: ResilienceSettings;
  /** Incoming header -> outgoing header, forwarded from the current GraphQL request. */
  forwardHeaders?: Record<string, string>;
  /** Outgoing header -> template over the current caller's claims (src/auth/claim-template.ts). */
  identityHeaders?: Record<string, string>;
  /** Told about every upstream attempt (metrics, logs). Never sees headers, bodies or query strings. */
  observer?: UpstreamObserver;
}

/** One upstream attempt, as metrics and logs see it: nothing in it can hold a credential. */
export interface UpstreamEvent {
  source: string;
  method: HttpMethod;
  /** The path without its query string (some vendors put credentials in the query). */
  path: string;
  status: number | null;
  outcome: 'ok' | UpstreamErrorCode;
  durationMs: number;
  /** 0 for the first try. */
  attempt: number;
}
export type UpstreamObserver = (event: UpstreamEvent) => void;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to the base URL's path, e.g. `/tickets/12`. */
  path: string;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /**
   * False for writes: a timeout then means "outcome unknown" rather than a plain failure,
   * because the vendor may have applied it.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * `any`: a non-JSON answer is not refused; `body` is then its text, unparsed (akana's writes
   * answer text/plain or text/html as documented). JSON answers are parsed as usual.
   * @default 'json'
   */
  expect?: 'json' | 'any';
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined when the body was empty. */
  body: unknown;
  contentType: string;
}

export interface SourceHttp {
  readonly source: string;
  request(request: HttpRequest): Promise<HttpResponse>;
  circuitState(): CircuitState;
  close(): Promise<void>;
}

/** Statuses worth another try for a read: the vendor said "not now", not "no". */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_CODES = new Set<string>([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT]);
/** Failures that say the vendor is unhealthy (and so count towards opening the circuit). */
const UNHEALTHY_CODES = new Set<string>([
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_TIMEOUT,
  ErrorCode.UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME,
  ErrorCode.UPSTREAM_BAD_RESPONSE,
]);

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export function createSourceHttp(options: SourceHttpOptions): SourceHttp {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const settings = options.resilience ?? resilienceSettings.parse({});
  const connections = options.connections ?? settings.maxConnections;
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    new Pool(base.origin, {
      connections,
      connectTimeout: Math.min(options.timeoutMs, settings.connectTimeoutMs),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 4_000,
    });
  const breaker = new CircuitBreaker(settings.breakerFailures, settings.breakerCooldownMs);
  const budget = new RetryBudget(settings.retryBudgetRatio);
  const gate = new ConcurrencyGate(connections, settings.maxQueue);

  const fail = (code: UpstreamErrorCode, message: string, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) =>
    new UpstreamError({ source: options.source, code, message, ...extra });

  /**
   * One call as the adapter sees it: behind the circuit breaker and the concurrency gate, with
   * idempotent reads retried (backoff with jitter, Retry-After honoured up to a cap, within a
   * retry budget). Writes get exactly one attempt.
   */
  async function request(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    const scope = currentRequestScope();
    const forwarded = {
      ...forwardedHeaders(options.forwardHeaders, scope?.incomingHeaders),
      // After the forwarded ones: a caller can never set an identity header themselves.
      ...identityHeaders(options.source, options.identityHeaders, scope?.caller),
    };
    const path = req.path;
    budget.onRequest();
    for (let attempt = 0; ; attempt++) {
      if (!breaker.tryAcquire()) {
        throw fail(ErrorCode.UPSTREAM_CIRCUIT_OPEN, `failing repeatedly; not called again for ${Math.ceil(breaker.retryInMs() / 1000)}s`);
      }
      let release: (() => void) | null;
      try {
        release = await gate.acquire(req.signal);
      } catch {
        breaker.recordNeutral();
        throw fail(ErrorCode.UPSTREAM_TIMEOUT, 'the request deadline passed while waiting for a connection');
      }
      if (!release) {
        breaker.recordNeutral();
        throw fail(ErrorCode.UPSTREAM_OVERLOADED, `too many requests waiting for this source (more than ${settings.maxQueue})`);
      }
      const started = performance.now();
      let response: HttpResponse | undefined;
      let error: unknown;
      try {
        response = await attemptOnce({ ...req, headers: { ...req.headers, ...forwarded } }, idempotent);
      } catch (caught) {
        error = caught;
      } finally {
        release();
      }
      const code = isUpstreamError(error) ? error.upstreamCode : undefined;
      if (error && !isUpstreamError(error)) {
        breaker.recordNeutral();
        throw error;
      }
      if (req.signal?.aborted) breaker.recordNeutral();
      else if ((code && UNHEALTHY_CODES.has(code)) || (response && response.status >= 500)) breaker.recordFailure();
      else breaker.recordSuccess();
      const event: UpstreamEvent = {
        source: options.source,
        method: req.method,
        path,
        status: response?.status ?? (isUpstreamError(error) ? (error.status ?? null) : null),
        outcome: code ?? (response && response.status >= 400 ? statusCode(response.status) : 'ok'),
        durationMs: performance.now() - started,
        attempt,
      };
      scope?.upstream.push(event);
      options.observer?.(event);

      const retryable =
        idempotent &&
        attempt < settings.retries &&
        !req.signal?.aborted &&
        (code ? RETRYABLE_CODES.has(code) : response !== undefined && RETRYABLE_STATUSES.has(response.status));
      if (retryable && budget.trySpend()) {
        const retryAfter = response ? retryAfterSeconds(response.headers) : undefined;
        if (await sleep(backoffMs(attempt, settings, retryAfter), req.signal)) continue;
      }
      if (error) throw error;
      return response as HttpResponse;
    }
  }

  async function attemptOnce(req: HttpRequest, idempotent: boolean): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let payload: string | undefined;
    if (req.json !== undefined) {
      payload = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    }
    let response: Dispatcher.ResponseData;
    try {
      response = await dispatcher.request({
        origin: base.origin,
        method: req.method,
        path: basePath + req.path + encodeQuery(req.query),
        headers,
        body: payload,
        signal,
      });
    } catch (error) {
      throw transportError(error, idempotent, timeout.aborted, fail, req.signal);
    }

    const contentType = headerValue(response.headers['content-type']) ?? '';
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw transportError(error, idempotent, timeout.aborted, fail, req.signal);
    }
    if (text.length > 0 && !JSON_CONTENT_TYPE.test(contentType) && req.expect === 'any') {
      return { status: response.statusCode, headers: response.headers, body: text, contentType };
    }
    if (text.length > 0 && !JSON_CONTENT_TYPE.test(contentType)) {
      throw fail(
        response.statusCode >= 400 ? statusCode(response.statusCode) : ErrorCode.UPSTREAM_BAD_RESPONSE,
        `answered HTTP ${response.statusCode} with ${contentType || 'no content type'} instead of JSON`,
        { status: response.statusCode },
      );
    }
    let body: unknown;
    if (text.length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch (error) {
        throw fail(ErrorCode.UPSTREAM_BAD_RESPONSE, `answered HTTP ${response.statusCode} with malformed JSON`, {
          status: response.statusCode,
          cause: error,
        });
      }
    }
    return { status: response.statusCode, headers: response.headers, body, contentType };
  }

  return {
    source: options.source,
    request,
    circuitState: () => breaker.state,
    close: async () => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

/** The code for a vendor's HTTP error status, before any vendor-specific reading. */
export function statusCode(status: number): UpstreamErrorCode {
  if (status === 401 || status === 403) return ErrorCode.UPSTREAM_UNAUTHORIZED;
  if (status === 429) return ErrorCode.UPSTREAM_RATE_LIMITED;
  if (status === 408 || status === 504) return ErrorCode.UPSTREAM_TIMEOUT;
  if (status >= 400 && status < 500) return ErrorCode.UPSTREAM_REJECTED;
  return ErrorCode.UPSTREAM_ERROR;
}

/** `Retry-After` in seconds (delta-seconds or HTTP date), if present and sane. */
export function retryAfterSeconds(headers: HttpResponse['headers'], now = Date.now()): number | undefined {
  const value = headerValue(headers['retry-after']);
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The UpstreamError for a non-2xx answer: the right code for the status, the vendor's own
 * message and code when the adapter could read them.
 */
export function httpStatusError(
  source: string,
  response: HttpResponse,
  vendor: { message?: string | undefined; code?: string | undefined } = {},
): UpstreamError {
  return new UpstreamError({
    source,
    code: statusCode(response.status),
    message: `HTTP ${response.status}${vendor.message ? `: ${vendor.message}` : ''}`,
    status: response.status,
    ...(vendor.code !== undefined ? { vendorCode: vendor.code } : {}),
    ...(response.status === 429 || response.status === 503
      ? optional('retryAfter', retryAfterSeconds(response.headers))
      : {}),
  });
}

/** Waits, unless the request is cancelled first; true when the wait completed. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function forwardedHeaders(mapping: Record<string, string> | undefined, incoming: Headers | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!mapping || !incoming) return headers;
  for (const [from, to] of Object.entries(mapping)) {
    const value = incoming.get(from);
    if (value !== null && value !== '') headers[to.toLowerCase()] = value;
  }
  return headers;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function encodeQuery(query: HttpRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(name, item);
    else params.append(name, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

function transportError(
  error: unknown,
  idempotent: boolean,
  timedOut: boolean,
  fail: (code: UpstreamErrorCode, message: string, extra?: { cause?: unknown }) => UpstreamError,
  callerSignal?: AbortSignal,
): UpstreamError {
  if (callerSignal?.aborted && !timedOut) {
    return fail(
      idempotent ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME,
      idempotent ? 'did not answer before the request deadline' : 'the write was sent but the request deadline passed before an answer; it may or may not have been applied',
      { cause: error },
    );
  }
  const isTimeout =
    timedOut ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    (error instanceof Error && error.name === 'TimeoutError');
  const isConnectFailure =
    error instanceof undiciErrors.ConnectTimeoutError ||
    (error instanceof Error && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(errorCode(error)));
  if (isConnectFailure) {
    // Nothing was sent, so even a write is known not to have happened.
    return fail(ErrorCode.UPSTREAM_UNAVAILABLE, `could not connect (${errorCode(error) || 'connect failed'})`, { cause: error });
  }
  if (!idempotent && (isTimeout || isReset(error))) {
    return fail(
      ErrorCode.UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME,
      'the write was sent but no answer came back; it may or may not have been applied — check before repeating it',
      { cause: error },
    );
  }
  if (isTimeout) return fail(ErrorCode.UPSTREAM_TIMEOUT, 'did not answer in time', { cause: error });
  if (error instanceof Error && error.name === 'AbortError') {
    return fail(ErrorCode.UPSTREAM_TIMEOUT, 'request was cancelled', { cause: error });
  }
  return fail(ErrorCode.UPSTREAM_UNAVAILABLE, `connection failed (${errorCode(error) || 'socket error'})`, { cause: error });
}

function isReset(error: unknown): boolean {
  return error instanceof undiciErrors.SocketError || /ECONNRESET|EPIPE|UND_ERR_SOCKET/.test(errorCode(error));
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return [own, cause].filter((c): c is string => typeof c === 'string').join(' ');
}
