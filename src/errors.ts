import { GraphQLError } from 'graphql';

/**
 * Error codes that reach clients in `extensions.code`. Upstream faults always also carry
 * `extensions.source` (the configured source key) so a client knows which system failed.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'INVALID_CURSOR',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_SOURCE: 'UNKNOWN_SOURCE',
  UNSUPPORTED_OPERATION: 'UNSUPPORTED_OPERATION',
  /** The vendor answered with an error of its own (its envelope said so). */
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  /** The vendor refused our credentials (401/403 or its envelope's equivalent). */
  UPSTREAM_UNAUTHORIZED: 'UPSTREAM_UNAUTHORIZED',
  /** The vendor rejected the request as invalid (4xx validation). */
  UPSTREAM_REJECTED: 'UPSTREAM_REJECTED',
  UPSTREAM_RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  /** A write timed out: it may or may not have happened, so it must not be repeated blindly. */
  UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME: 'UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME',
  /** The source failed repeatedly; calls are refused without trying until a cool-down passes. */
  UPSTREAM_CIRCUIT_OPEN: 'UPSTREAM_CIRCUIT_OPEN',
  /** Too many requests already waiting for this source. */
  UPSTREAM_OVERLOADED: 'UPSTREAM_OVERLOADED',
  /** Connection refused, reset, DNS failure: the vendor could not be reached. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** The vendor answered something we cannot read: HTML, truncated JSON, a wrong shape. */
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type UpstreamErrorCode = Extract<ErrorCode, `UPSTREAM_${string}`>;

export interface UpstreamErrorDetails {
  source: string;
  code: UpstreamErrorCode;
  message: string;
  /** HTTP status the vendor answered with, when there was an answer. */
  status?: number;
  /** The vendor's own error code (e.g. `GOM.00007256`, `INVALID_FILTER`, BlueKing's `code`). */
  vendorCode?: string;
  /** Seconds, from the vendor's `Retry-After`. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * A failure talking to one upstream system. It is a GraphQLError so Yoga passes it through
 * unmasked; its message and extensions never contain credentials (the HTTP layer never puts
 * request headers or bodies into it).
 */
export class UpstreamError extends GraphQLError {
  readonly sourceKey: string;
  readonly upstreamCode: UpstreamErrorCode;
  readonly status: number | undefined;
  readonly vendorCode: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(details: UpstreamErrorDetails) {
    const extensions: Record<string, unknown> = { code: details.code, source: details.source };
    if (details.status !== undefined) extensions.upstreamStatus = details.status;
    if (details.vendorCode !== undefined) extensions.vendorCode = details.vendorCode;
    if (details.retryAfter !== undefined) extensions.retryAfter = details.retryAfter;
    // No `originalError`: Yoga masks any GraphQLError whose original is not itself a
    // GraphQLError, and this one is meant for the client. The cause stays for logs.
    super(`[${details.source}] ${details.message}`, { extensions });
    Object.defineProperty(this, 'cause', { value: asError(details.cause), enumerable: false });
    this.name = 'UpstreamError';
    this.sourceKey = details.source;
    this.upstreamCode = details.code;
    this.status = details.status;
    this.vendorCode = details.vendorCode;
    this.retryAfter = details.retryAfter;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}

/** A client-side mistake: bad argument, malformed ID, unknown source, bad cursor. */
export function userInputError(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
}

export function unsupportedOperation(source: string, operation: string): GraphQLError {
  return new GraphQLError(`Source "${source}" does not support ${operation}`, {
    extensions: { code: ErrorCode.UNSUPPORTED_OPERATION, source, operation },
  });
}

function asError(cause: unknown): Error | undefined {
  return cause instanceof Error ? cause : undefined;
}
