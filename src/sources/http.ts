/**
 * One keep-alive undici Pool per source. Every upstream call goes through `request`, which
 * applies the source's timeouts, checks the content type before parsing, and turns transport
 * failures into typed UpstreamErrors carrying the source key. Vendor envelopes (BlueKing's
 * `result: false`, COC's `error_code` …) are the adapter's to read: this layer only knows HTTP.
 *
 * Nothing from the request (headers, body, query) is ever copied into an error: credentials
 * travel in all three, depending on the vendor. A vendor's own text (which may echo the
 * request) reaches an error only short, on one line and scrubbed of the configured secrets.
 *
 * Hostile input and failing vendors (issue #12):
 * - a value the caller controls that cannot go on the wire (CR/LF in a header, a control
 *   character in the path; undici's InvalidArgumentError) is the caller's error
 *   (`SourceInputError` INVALID_INPUT), raised before any attempt and neutral for the breaker;
 * - every 5xx counts towards the circuit, JSON or not, and 502/503/504 are retried either way;
 * - answers larger than `resilience.maxResponseBytes` are cut off while streaming
 *   (UPSTREAM_BAD_RESPONSE, `extensions.reason: RESPONSE_TOO_LARGE`);
 * - each attempt's deadline is one referenced timer, not an `AbortSignal.timeout` (which GC can
 *   collect on Node 20 when only `AbortSignal.any` holds it, so the deadline never fired);
 * - each attempt spends one call of the request's `maxUpstreamCalls` budget (request-scope.ts).
 */
import { performance } from 'node:perf_hooks';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { resilienceSettings, type ResilienceSettings } from '../settings.js';
import { SourceInputError, UpstreamError, UpstreamErrorCode as ErrorCode, isUpstreamError, type UpstreamErrorCode } from './errors.js';
import { scopeOf, spendUpstreamCall } from '../request-scope.js';
import { identityHeaders } from '../auth/identity-headers.js';
import { backoffMs, CircuitBreaker, ConcurrencyGate, RetryBudget, type CircuitState } from './resilience.js';
import { startUpstreamAttempt, traceOf } from '../observability/tracing-context.js';
import { redactor, redactSecrets } from '../observability/redact.js';

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
  /**
   * The configured credential values of every source: never in an error message, even when a
   * vendor echoes the request back in its error text. @default []
   */
  secrets?: readonly string[];
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
  /**
   * A POST that only reads (a vendor's list or search endpoint): retried like a GET, and shared
   * in flight with identical concurrent ones (`shared-reads.ts`). Never set on a write.
   */
  read?: boolean;
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
/** What undici (and RFC 9110 field-value) accepts in a header value: no CR, LF, NUL or other controls. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** What undici accepts in a request path (printable ASCII, no spaces), and no fragment. */
const REQUEST_PATH = /^\/[\x21-\x22\x24-\x7e]*$/;
/** Vendor text is cut here: a reason fits, a page, a stack trace or an echo does not. */
export const MAX_VENDOR_TEXT = 200;
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

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

  const scrub = redactor(options.secrets ?? []);
  const fail = (code: UpstreamErrorCode, message: string, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) =>
    new UpstreamError({ source: options.source, code, message: scrub(message), ...extra });
  const inputError = (message: string) =>
    new SourceInputError({ source: options.source, code: 'INVALID_INPUT', message: `[${options.source}] ${message}` });

  /**
   * One call as the adapter sees it: behind the circuit breaker and the concurrency gate, with
   * idempotent reads retried (backoff with jitter, Retry-After honoured up to a cap, within a
   * retry budget). Writes get exactly one attempt.
   */
  async function request(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? (req.method === 'GET' || req.read === true);
    const scope = scopeOf(req.signal);
    const forwarded = {
      ...forwardedHeaders(options.forwardHeaders, scope?.incomingHeaders),
      // After the forwarded ones: a caller can never set an identity header themselves.
      ...identityHeaders(options.source, options.identityHeaders, scope?.caller),
    };
    const path = req.path;
    const headers = { ...req.headers, ...forwarded };
    // The caller's mistake, found before any attempt: it never reaches the vendor, the retry
    // budget or the breaker (five of them used to open the circuit for everyone).
    checkWireSafe(path, headers, inputError);
    budget.onRequest();
    for (let attempt = 0; ; attempt++) {
      if (!breaker.tryAcquire()) {
        throw fail(ErrorCode.UPSTREAM_CIRCUIT_OPEN, `failing repeatedly; not called again for ${Math.ceil(breaker.retryInMs() / 1000)}s`);
      }
      try {
        spendUpstreamCall(scope);
      } catch (error) {
        breaker.recordNeutral();
        throw error;
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
      // Tracing (issue #19): a client span per attempt, its traceparent sent on; undefined when off.
      const span = startUpstreamAttempt({ parent: traceOf(req.signal), source: options.source, method: req.method, url: base, path: basePath + path, attempt });
      let response: HttpResponse | undefined;
      let error: unknown;
      try {
        response = await attemptOnce({ ...req, headers: span ? span.headers(headers) : headers }, idempotent);
      } catch (caught) {
        error = caught;
      } finally {
        release();
      }
      const code = isUpstreamError(error) ? error.upstreamCode : undefined;
      if (error && !isUpstreamError(error)) {
        // Our own input error (undici refused the request) or a bug: says nothing about the vendor.
        breaker.recordNeutral();
        span?.end({ status: null, outcome: 'INVALID_INPUT' });
        throw error;
      }
      // An HTML 502 from a proxy is as much a failure as a JSON one.
      const status = response?.status ?? (isUpstreamError(error) ? error.status : undefined);
      if (req.signal?.aborted) breaker.recordNeutral();
      else if ((code && UNHEALTHY_CODES.has(code)) || (status !== undefined && status >= 500)) breaker.recordFailure();
      else breaker.recordSuccess();
      const event: UpstreamEvent = {
        source: options.source,
        method: req.method,
        path,
        status: status ?? null,
        outcome: code ?? (response && response.status >= 400 ? statusCode(response.status) : 'ok'),
        durationMs: performance.now() - started,
        attempt,
      };
      scope?.upstream.push(event);
      options.observer?.(event);
      span?.end(event);

      const retryable =
        idempotent &&
        attempt < settings.retries &&
        !req.signal?.aborted &&
        ((code !== undefined && RETRYABLE_CODES.has(code)) || (status !== undefined && RETRYABLE_STATUSES.has(status)));
      if (retryable && budget.trySpend()) {
        const retryAfter = response ? retryAfterSeconds(response.headers) : undefined;
        if (await sleep(backoffMs(attempt, settings, retryAfter), req.signal)) continue;
      }
      if (error) throw error;
      return response as HttpResponse;
    }
  }

  async function attemptOnce(req: HttpRequest, idempotent: boolean): Promise<HttpResponse> {
    // One referenced timer per attempt, cleared when the attempt ends; the caller's signal is
    // followed by a listener, removed at the end too (no AbortSignal.any/timeout pair).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('upstream attempt timed out', 'TimeoutError'));
    }, options.timeoutMs);
    const onCallerAbort = () => controller.abort(req.signal?.reason);
    if (req.signal?.aborted) onCallerAbort();
    else req.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      return await attemptWithSignal(req, idempotent, controller.signal, () => timedOut);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function attemptWithSignal(req: HttpRequest, idempotent: boolean, signal: AbortSignal, timedOut: () => boolean): Promise<HttpResponse> {
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
      // undici refuses what cannot be sent (a control character in a header or the path): ours.
      if (error instanceof undiciErrors.InvalidArgumentError) throw inputError('a value in this request cannot be sent to the source (invalid characters)');
      throw transportError(error, idempotent, timedOut(), fail, req.signal);
    }

    const contentType = headerValue(response.headers['content-type']) ?? '';
    const tooLarge = () =>
      fail(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `answered HTTP ${response.statusCode} with more than ${settings.maxResponseBytes} bytes (resilience.maxResponseBytes); the answer was not read`,
        { status: response.statusCode, reason: RESPONSE_TOO_LARGE },
      );
    const declared = Number(headerValue(response.headers['content-length']) ?? Number.NaN);
    if (Number.isFinite(declared) && declared > settings.maxResponseBytes) {
      response.body.destroy();
      throw tooLarge();
    }
    let text: string;
    try {
      const chunks: Buffer[] = [];
      let received = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > settings.maxResponseBytes) {
          response.body.destroy();
          throw tooLarge();
        }
        chunks.push(chunk);
      }
      text = Buffer.concat(chunks, received).toString('utf8');
    } catch (error) {
      if (isUpstreamError(error)) throw error;
      throw transportError(error, idempotent, timedOut(), fail, req.signal);
    }
    if (text.length > 0 && !JSON_CONTENT_TYPE.test(contentType) && req.expect === 'any') {
      return { status: response.statusCode, headers: response.headers, body: text, contentType };
    }
    if (text.length > 0 && !JSON_CONTENT_TYPE.test(contentType)) {
      throw fail(
        response.statusCode >= 400 ? statusCode(response.statusCode) : ErrorCode.UPSTREAM_BAD_RESPONSE,
        `answered HTTP ${response.statusCode} with ${vendorText(contentType) ?? 'no content type'} instead of JSON`,
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
    message: `HTTP ${response.status}${vendorText(vendor.message) ? `: ${vendorText(vendor.message)}` : ''}`,
    status: response.status,
    ...(vendorText(vendor.code) !== undefined ? { vendorCode: vendorText(vendor.code) } : {}),
    ...(response.status === 429 || response.status === 503
      ? optional('retryAfter', retryAfterSeconds(response.headers))
      : {}),
  });
}

/**
 * A vendor's own text (message, code), kept short and useful: its first line only, control
 * characters removed, cut at MAX_VENDOR_TEXT characters. A page, a stack trace or an echo of
 * our request never gets through whole (and configured secrets are scrubbed from every
 * response besides, see observability/production.ts).
 */
export function vendorText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const line = first.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  return line.length > MAX_VENDOR_TEXT ? `${line.slice(0, MAX_VENDOR_TEXT - 1).trimEnd()}…` : line;
}

/** Kept under its name for callers that scrub one text (the response scrub, tests). */
export { redactSecrets as scrubSecrets };

/** Throws the caller's input error when a path or header value could not go on the wire as is. */
function checkWireSafe(path: string, headers: Record<string, string>, inputError: (message: string) => SourceInputError): void {
  if (!REQUEST_PATH.test(path)) throw inputError('a value in this request cannot be part of a URL path (control characters or spaces)');
  for (const value of Object.values(headers)) {
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) throw inputError('a value in this request cannot be sent in a header (control characters)');
  }
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
