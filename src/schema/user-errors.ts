/**
 * The one error model of mutations: every expected failure is a `userErrors` entry with the
 * path of the input field and a `UserErrorCode`; top-level `errors` are left for transport,
 * limits, auth and the unexpected. Adapters throw only `SourceInputError`/`UpstreamError`
 * (src/sources/errors.ts); `toUserErrors` maps them here, once.
 */
import { isSourceInputError, isUpstreamError, type SourceInputError, type UpstreamError } from '../sources/errors.js';

/** Every code a mutation's `userErrors` can carry, with what a client should do about it. */
export const USER_ERROR_CODES = {
  INVALID_INPUT: 'A value the source refuses (wrong format, unknown topic, a field it does not take). Fix the input; nothing was written.',
  REQUIRED: 'A text field is empty or blank. Nothing was written.',
  OUT_OF_RANGE: "A number outside the source's scale (see Source.capabilities). Nothing was written.",
  INVALID_ID: 'Not an ID of the expected type, or a ticket number / comment id of a shape this source never has. Nothing was sent to the source.',
  UNKNOWN_SOURCE: 'No source with that key is configured. Nothing was written.',
  FORBIDDEN: 'You may read this source but not write to it (the access rules of gateway.auth). Nothing was written.',
  NOT_FOUND: 'The ticket or comment does not exist in its source. Nothing was written.',
  UNSUPPORTED_OPERATION: 'The source cannot do this write (or cannot change this field); see Source.capabilities.writes. Nothing was written.',
  INVALID_ACTION: 'The workflow action is not available on this ticket now; see Ticket.availableActions. Nothing was written.',
  VENDOR_REJECTED: "The source refused the write with its own validation (the message carries its reason and code). Nothing was written.",
  VENDOR_RATE_LIMITED: 'The source is rate limiting us; `retryAfter` says when to try again. Nothing was written; retrying later is safe.',
  VENDOR_UNAVAILABLE: 'The source could not be reached, refused our credentials, or is cooling down after failures. Nothing was written; retrying later is safe.',
  OUTCOME_UNKNOWN: 'The write was sent but the source did not answer in time, answered unreadably or failed with a server error: it may or may not have happened. Check before retrying, or retry with the same idempotencyKey.',
  APPLIED_BUT_UNCONFIRMED: 'The write happened, but reading the result back failed. `ticketId`/`applied` say what was written: do not retry.',
  IDEMPOTENCY_KEY_REUSED: 'This idempotencyKey was already used by this caller with a different input (or another mutation) within the idempotency window. Nothing was written.',
} as const;
export type UserErrorCode = keyof typeof USER_ERROR_CODES;

export interface UserError {
  /** Path of the GraphQL input field, e.g. ['input', 'score']; ['input'] when no single field is at fault. */
  field: string[];
  message: string;
  code: UserErrorCode;
  /** The source key, when a source is involved. */
  source?: string;
  /** Seconds, with VENDOR_RATE_LIMITED. */
  retryAfter?: number;
}

/** Thrown inside a write's validation to end it with these userErrors (runWrite catches it). */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function userError(field: string | null, message: string, code: UserErrorCode, source?: string): UserErrors {
  return new UserErrors([{ field: field === null ? ['input'] : ['input', field], message, code, ...(source !== undefined ? { source } : {}) }]);
}

/** Upstream codes after which the vendor did not write, so a retry (same idempotencyKey too) is safe. */
const NOT_WRITTEN: ReadonlySet<UserErrorCode> = new Set(['VENDOR_RATE_LIMITED', 'VENDOR_UNAVAILABLE']);

/** Whether an outcome with these userErrors may be tried again under the same idempotency key. */
export function isRetryable(errors: readonly UserError[]): boolean {
  return errors.length > 0 && errors.every((e) => NOT_WRITTEN.has(e.code));
}

/**
 * The userErrors for an error a write threw, or null when it is not an expected failure (it
 * then stays a top-level error: auth, limits, bugs). `idField` is the input field naming the
 * object written to, used when the source names no field.
 */
export function toUserErrors(error: unknown, idField: string): UserError[] | null {
  if (error instanceof UserErrors) return error.errors;
  if (isSourceInputError(error)) return [fromSourceInput(error, idField)];
  if (isUpstreamError(error)) return [fromUpstream(error, idField)];
  return null;
}

function fromSourceInput(error: SourceInputError, idField: string): UserError {
  const onId = error.code === 'NOT_FOUND' || error.code === 'INVALID_ID';
  const field = error.field ?? (onId ? idField : null);
  return { field: field === null ? ['input'] : ['input', field], message: error.message, code: error.code, source: error.source };
}

function fromUpstream(error: UpstreamError, idField: string): UserError {
  const base = { field: ['input'], source: error.sourceKey };
  const vendor = error.vendorCode !== undefined ? ` (vendor code ${error.vendorCode})` : '';
  if (error.applied) {
    return { ...base, code: 'APPLIED_BUT_UNCONFIRMED', message: `${error.message}; the write was applied to ticket ${error.applied.ticketNumber} but could not be read back: do not retry` };
  }
  if (error.status === 404) return { ...base, field: ['input', idField], code: 'NOT_FOUND', message: `${error.message}${vendor}` };
  switch (error.upstreamCode) {
    case 'UPSTREAM_ERROR':
      // 503 says the request was not processed; another 5xx after a write may follow a partial one.
      if (error.status === 503) return { ...base, code: 'VENDOR_UNAVAILABLE', message: `${error.message} (${error.upstreamCode})` };
      if (error.status !== undefined && error.status >= 500) return { ...base, code: 'OUTCOME_UNKNOWN', message: `${error.message}; the write may or may not have happened` };
      return { ...base, code: 'VENDOR_REJECTED', message: `${error.message}${vendor}` };
    case 'UPSTREAM_REJECTED':
      return { ...base, code: 'VENDOR_REJECTED', message: `${error.message}${vendor}` };
    case 'UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME':
    // An unreadable answer to a write came after the vendor took it: it may have been applied.
    case 'UPSTREAM_BAD_RESPONSE':
      return { ...base, code: 'OUTCOME_UNKNOWN', message: `${error.message}; the write may or may not have happened` };
    case 'UPSTREAM_RATE_LIMITED':
      return { ...base, code: 'VENDOR_RATE_LIMITED', message: error.message, ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}) };
    default:
      return { ...base, code: 'VENDOR_UNAVAILABLE', message: `${error.message} (${error.upstreamCode})` };
  }
}
