/**
 * What every mutation does around its one native call: find the source and check it can do
 * the write (UNSUPPORTED_OPERATION naming the source otherwise), validate before any call
 * (userErrors), turn a vendor 404 into a userError, and forget everything this request had
 * loaded so the payload — and any later field — reads the new state.
 */
import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { GatewayContext } from '../context.js';
import { isUpstreamError, unsupportedOperation } from '../errors.js';
import { forgetListings } from '../federation/merged-connection.js';
import type { ScoreScale, SourceAdapter, WriteOperation } from '../sources/adapter.js';
import { isValidIdentifier, type IdentifierKind } from '../sources/identifiers.js';
import { decodeGlobalId, splitIdParts } from './global-id.js';

export interface UserError {
  field: string[];
  message: string;
  code: string;
}

export interface Payload<T> {
  result: T | null;
  userErrors: UserError[];
}

export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function userError(field: string, message: string, code = 'INVALID'): UserErrors {
  return new UserErrors([{ field: ['input', field], message, code }]);
}

/** The adapter for a write, or UNSUPPORTED_OPERATION naming the source. */
export function writableSource(ctx: GatewayContext, sourceKey: string, operation: WriteOperation): SourceAdapter {
  const adapter = ctx.sources.require(sourceKey);
  // Auth (src/auth/access.ts): a visible source the caller may only read.
  if (ctx.sources.canWrite?.(sourceKey) === false) throw userError(operation === 'createTicket' ? 'source' : operation === 'addComment' ? 'ticketId' : 'id', `You may read source "${sourceKey}" but not write to it`, 'FORBIDDEN');
  if (!adapter.capabilities.writes.includes(operation) || typeof adapter[operation] !== 'function') {
    throw unsupportedOperation(adapter.key, operation);
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
  if (!isValidIdentifier(adapter.identifiers, kind, value)) throw userError(field, `is not a valid ${kind === 'ticketNumber' ? 'ticket' : 'comment'} ID for source "${adapter.key}"`, 'INVALID_ID');
  return value;
}

export function checkScore(scale: ScoreScale | null, score: number, field: string, source: string): void {
  if (!scale) throw userError(field, `source "${source}" does not take ratings`, 'UNSUPPORTED');
  const allowed = scale.values ? scale.values.includes(score) : Number.isInteger(score) && score >= scale.min && score <= scale.max;
  if (!allowed) {
    const expected = scale.values ? scale.values.join(' or ') : `an integer from ${scale.min} to ${scale.max}`;
    throw userError(field, `must be ${expected} on source "${source}"`, 'OUT_OF_RANGE');
  }
}

export function requireText(value: string | null | undefined, field: string): string {
  if (value == null || value.trim() === '') throw userError(field, 'must not be empty', 'REQUIRED');
  return value;
}

/**
 * Runs a write and shapes its payload. Validation failures become userErrors; a vendor 404
 * becomes a NOT_FOUND userError on `idField`; every other failure (vendor validation,
 * rate limit, timeout with unknown outcome) stays a GraphQL error carrying the source key.
 */
export async function runWrite<T>(ctx: GatewayContext, idField: string, write: () => Promise<T>): Promise<Payload<T>> {
  try {
    const result = await write();
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { result: null, userErrors: error.errors };
    if (isUpstreamError(error) && error.status === 404) {
      return { result: null, userErrors: [{ field: ['input', idField], message: 'no such object in its source', code: 'NOT_FOUND' }] };
    }
    throw error;
  } finally {
    // Even a failed write may have changed something upstream.
    clearAllDataLoaders(ctx);
    forgetListings(ctx);
  }
}
