/**
 * The two errors an adapter may throw, and nothing else: the caller's input was wrong for this
 * vendor (`SourceInputError`), or the vendor failed us (`UpstreamError`). Neither is a
 * GraphQLError and nothing here imports `graphql`: the schema layer maps both, once
 * (src/errors.ts `toGraphQLError`), to `extensions.code` for queries and to `userErrors` for
 * mutations.
 */

/** Codes of upstream faults; they reach clients in `extensions.code` (see README, Errors). */
export const UpstreamErrorCode = {
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
  /** The vendor answered something we cannot read: HTML, truncated JSON, a wrong shape, too large. */
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
} as const;
export type UpstreamErrorCode = (typeof UpstreamErrorCode)[keyof typeof UpstreamErrorCode];

/** What a write had already done when it failed, so a client never repeats it blindly. */
export interface AppliedWrite {
  /** The ticket the write created or changed. */
  ticketNumber: string;
  /** The comment it created, when it created one. */
  commentId?: string;
  /** Steps that were applied, in order (e.g. `['comment']` when a close failed after its comment). */
  steps?: string[];
}

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
  /** Set when part of a write was applied before the failure (e.g. created, then the re-read failed). */
  applied?: AppliedWrite;
  /** A machine-readable refinement of `code` for clients, e.g. `RESPONSE_TOO_LARGE`. */
  reason?: string;
  cause?: unknown;
}

/**
 * A failure talking to one upstream system. Its message and extensions never contain
 * credentials (the HTTP layer never puts request headers or bodies into it).
 */
export class UpstreamError extends Error {
  readonly sourceKey: string;
  readonly upstreamCode: UpstreamErrorCode;
  readonly status: number | undefined;
  readonly vendorCode: string | undefined;
  readonly retryAfter: number | undefined;
  readonly applied: AppliedWrite | undefined;
  readonly reason: string | undefined;

  constructor(details: UpstreamErrorDetails) {
    super(`[${details.source}] ${details.message}`);
    Object.defineProperty(this, 'cause', { value: details.cause instanceof Error ? details.cause : undefined, enumerable: false });
    this.name = 'UpstreamError';
    this.sourceKey = details.source;
    this.upstreamCode = details.code;
    this.status = details.status;
    this.vendorCode = details.vendorCode;
    this.retryAfter = details.retryAfter;
    this.applied = details.applied;
    this.reason = details.reason;
  }

  /** What a client sees in `extensions` (graphql-js copies this onto the error it locates). */
  get extensions(): Record<string, unknown> {
    const extensions: Record<string, unknown> = { code: this.upstreamCode, source: this.sourceKey };
    if (this.status !== undefined) extensions.upstreamStatus = this.status;
    if (this.vendorCode !== undefined) extensions.vendorCode = this.vendorCode;
    if (this.retryAfter !== undefined) extensions.retryAfter = this.retryAfter;
    if (this.reason !== undefined) extensions.reason = this.reason;
    return extensions;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}

/**
 * Why a caller's input cannot go to this vendor. `INVALID_ID`: a ticket number or comment id
 * that cannot exist there (wrong shape; never sent). `UNSUPPORTED_OPERATION`: the vendor can't
 * do it. `NOT_FOUND`: the object named does not exist. `INVALID_ACTION`: a workflow action not
 * allowed now. `INVALID_INPUT`: any other value the vendor would refuse.
 */
export type SourceInputErrorCode = 'INVALID_INPUT' | 'INVALID_ID' | 'UNSUPPORTED_OPERATION' | 'NOT_FOUND' | 'INVALID_ACTION';

export class SourceInputError extends Error {
  readonly source: string;
  readonly code: SourceInputErrorCode;
  /**
   * The GraphQL input field at fault, as the client wrote it (`topic`, `number`, `id`), never an
   * internal name; absent when no single field is.
   */
  readonly field: string | undefined;

  constructor(details: { source: string; code: SourceInputErrorCode; message: string; field?: string }) {
    super(details.message);
    this.name = 'SourceInputError';
    this.source = details.source;
    this.code = details.code;
    this.field = details.field;
  }

  get extensions(): Record<string, unknown> {
    return {
      code: this.code === 'UNSUPPORTED_OPERATION' ? 'UNSUPPORTED_OPERATION' : this.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'BAD_USER_INPUT',
      reason: this.code,
      source: this.source,
      ...(this.field !== undefined ? { field: this.field } : {}),
    };
  }
}

export function isSourceInputError(error: unknown): error is SourceInputError {
  return error instanceof SourceInputError;
}
