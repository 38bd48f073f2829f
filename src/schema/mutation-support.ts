/**
 * What every mutation does around its one native call: find the source and check it can do
 * the write, validate before any call, turn every expected failure into `userErrors`
 * (user-errors.ts, the one mapping), answer a repeated `idempotencyKey` with the first
 * outcome (idempotency.ts), and forget everything this request had loaded so the payload —
 * and any later field — reads the new state.
 */
import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { GatewayContext } from '../context.js';
import { forgetListings } from '../federation/merged-connection.js';
import type { ScoreScale, SourceAdapter, WriteOperation } from '../sources/adapter.js';
import { isUpstreamError } from '../sources/errors.js';
import { isValidIdentifier, type IdentifierKind } from '../sources/identifiers.js';
import { decodeGlobalId, encodeGlobalId, joinIdParts, splitIdParts } from './global-id.js';
import { runIdempotent, writeFingerprint } from './idempotency.js';
import { toUserErrors, userError, UserErrors, type UserError } from './user-errors.js';

export { userError, UserErrors, type UserError };

/** What a failed write had already done (UserErrorCode APPLIED_BUT_UNCONFIRMED). */
export interface AppliedPayload {
  ticketId: string;
  ticketNumber: string;
  commentId: string | null;
  steps: string[];
}

export interface Payload<T> {
  result: T | null;
  userErrors: UserError[];
  /** Global ID of the ticket written, whenever known (also when the write could not be confirmed). */
  ticketId: string | null;
  applied: AppliedPayload | null;
}

export interface WriteRequest<T> {
  operation: WriteOperation;
  /** The mutation's input as the client sent it (its idempotencyKey and fingerprint). */
  input: { idempotencyKey?: string | null | undefined };
  /** The input field naming the object written to, for NOT_FOUND / INVALID_ID. */
  idField: string;
  /** The ticket a successful result is about. */
  ticketOf(result: T): { sourceKey: string; number: string } | null;
}

/** The adapter for a write, or an UNKNOWN_SOURCE / UNSUPPORTED_OPERATION userError naming the source. */
export function writableSource(ctx: GatewayContext, sourceKey: string, operation: WriteOperation, field = 'id'): SourceAdapter {
  const adapter = ctx.sources.get(sourceKey);
  if (!adapter) {
    const known = ctx.sources.all.map((a) => a.key).join(', ') || 'none';
    throw userError(field, `Unknown source "${sourceKey}"; configured sources: ${known}`, 'UNKNOWN_SOURCE');
  }
  // Auth (src/auth/access.ts): a visible source the caller may only read.
  if (ctx.sources.canWrite?.(sourceKey) === false) throw userError(field, `You may read source "${sourceKey}" but not write to it`, 'FORBIDDEN', sourceKey);
  if (!adapter.capabilities.writes.includes(operation) || typeof adapter[operation] !== 'function') {
    throw userError(null, `Source "${adapter.key}" does not support ${operation}`, 'UNSUPPORTED_OPERATION', adapter.key);
  }
  return adapter;
}

/** (source key, ticket number) from a Ticket global ID; a userError on `field` otherwise. */
export function ticketRef(globalId: string, field: string): { sourceKey: string; number: string } {
  const { typename, id } = decodeGlobalId(globalId);
  const parts = typename === 'Ticket' ? splitIdParts(id, 2) : null;
  if (!parts) throw userError(field, 'is not a Ticket ID', 'INVALID_ID');
  return { sourceKey: parts[0] as string, number: parts[1] as string };
}

export function commentRef(globalId: string, field: string): { sourceKey: string; ticketNumber: string; commentId: string } {
  const { typename, id } = decodeGlobalId(globalId);
  const parts = typename === 'Comment' ? splitIdParts(id, 3) : null;
  if (!parts) throw userError(field, 'is not a Comment ID', 'INVALID_ID');
  return { sourceKey: parts[0] as string, ticketNumber: parts[1] as string, commentId: parts[2] as string };
}

/**
 * The value, or an INVALID_ID userError on `field` when it has a shape this source's
 * identifiers never have: such a value never reaches the vendor.
 */
export function checkIdentifier(adapter: SourceAdapter, kind: IdentifierKind, value: string, field: string): string {
  if (!isValidIdentifier(adapter.identifiers, kind, value)) {
    throw userError(field, `is not a valid ${kind === 'ticketNumber' ? 'ticket' : 'comment'} ID for source "${adapter.key}"`, 'INVALID_ID', adapter.key);
  }
  return value;
}

export function checkScore(scale: ScoreScale | null, score: number, field: string, source: string): void {
  if (!scale) throw userError(field, `source "${source}" does not take ratings`, 'UNSUPPORTED_OPERATION', source);
  const allowed = scale.values ? scale.values.includes(score) : Number.isInteger(score) && score >= scale.min && score <= scale.max;
  if (!allowed) {
    const expected = scale.values ? scale.values.join(' or ') : `an integer from ${scale.min} to ${scale.max}`;
    throw userError(field, `must be ${expected} on source "${source}"`, 'OUT_OF_RANGE', source);
  }
}

export function requireText(value: string | null | undefined, field: string): string {
  if (value == null || value.trim() === '') throw userError(field, 'must not be empty', 'REQUIRED');
  return value;
}

export const ticketGlobalId = (sourceKey: string, number: string) => encodeGlobalId('Ticket', joinIdParts(sourceKey, number));

/**
 * Runs a write and shapes its payload: every expected failure becomes `userErrors`
 * (user-errors.ts); anything else (auth, bugs) stays a top-level error of this field alone,
 * since payloads are nullable. A write with an `idempotencyKey` runs once per caller and key.
 */
export function runWrite<T>(ctx: GatewayContext, request: WriteRequest<T>, write: () => Promise<T>): Promise<Payload<T>> {
  const refused = (userErrors: UserError[]): Payload<T> => ({ result: null, userErrors, ticketId: null, applied: null });
  return runIdempotent(ctx, request.input.idempotencyKey, writeFingerprint(request.operation, request.input as Record<string, unknown>), () => attempt(ctx, request, write), refused);
}

async function attempt<T>(ctx: GatewayContext, request: WriteRequest<T>, write: () => Promise<T>): Promise<Payload<T>> {
  try {
    const result = await write();
    const ticket = request.ticketOf(result);
    return { result, userErrors: [], ticketId: ticket ? ticketGlobalId(ticket.sourceKey, ticket.number) : null, applied: null };
  } catch (error) {
    const userErrors = toUserErrors(error, request.idField);
    if (!userErrors) throw error;
    const applied = isUpstreamError(error) && error.applied ? error.applied : null;
    if (!applied || !isUpstreamError(error)) return { result: null, userErrors, ticketId: null, applied: null };
    const ticketId = ticketGlobalId(error.sourceKey, applied.ticketNumber);
    return {
      result: null,
      userErrors,
      ticketId,
      applied: {
        ticketId,
        ticketNumber: applied.ticketNumber,
        commentId: applied.commentId !== undefined ? encodeGlobalId('Comment', joinIdParts(error.sourceKey, applied.ticketNumber, applied.commentId)) : null,
        steps: [...(applied.steps ?? [])],
      },
    };
  } finally {
    // Even a failed write may have changed something upstream.
    clearAllDataLoaders(ctx);
    forgetListings(ctx);
  }
}
