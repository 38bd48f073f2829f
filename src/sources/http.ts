/**
 * One keep-alive undici Pool per source. Every upstream call goes through `request`, which
 * applies the source's timeouts, checks the content type before parsing, and turns transport
 * failures into typed UpstreamErrors carrying the source key. Vendor envelopes (BlueKing's
 * `result: false`, COC's `error_code` …) are the adapter's to read: this layer only knows HTTP.
 *
 * Nothing from the request (headers, body, query) is ever copied into an error: credentials
 * travel in all three, depending on the vendor.
 */
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { ErrorCode, UpstreamError, type UpstreamErrorCode } from '../errors.js';

export interface SourceHttpOptions {
  source: string;
  baseUrl: string;
  /** Whole-request budget in ms. */
  timeoutMs: number;
  /** Pool size: concurrent connections to this vendor. */
  connections?: number;
  /** Injected in tests to fake or count calls; by default a Pool on the base URL's origin. */
  dispatcher?: Dispatcher;
}

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
  close(): Promise<void>;
}

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export function createSourceHttp(options: SourceHttpOptions): SourceHttp {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    new Pool(base.origin, {
      connections: options.connections ?? 16,
      connectTimeout: Math.min(options.timeoutMs, 10_000),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 4_000,
    });

  const fail = (code: UpstreamErrorCode, message: string, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) =>
    new UpstreamError({ source: options.source, code, message, ...extra });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? (req.method === 'GET');
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
      throw transportError(error, idempotent, timeout.aborted, fail);
    }

    const contentType = headerValue(response.headers['content-type']) ?? '';
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw transportError(error, idempotent, timeout.aborted, fail);
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
): UpstreamError {
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
