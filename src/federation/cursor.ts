/**
 * Opaque, versioned, signed connection cursors.
 *
 * A cursor carries each source's own position in its native stream (an offset after native
 * filtering) and a hash of the query it belongs to (scope + filter + order). It is signed, so
 * an edited position is rejected instead of silently answering a wrong page.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

const VERSION = 1;

export interface CursorState {
  /** Source key -> native offset of the next ticket to read from that source. */
  positions: Record<string, number>;
  /** The source of the edge this cursor points at (backward pages read strictly before it). */
  last?: string;
}

export interface CursorCodec {
  encode(queryHash: string, state: CursorState): string;
  /** Throws BAD_USER_INPUT (reason INVALID_CURSOR) for anything not minted for this query. */
  decode(cursor: string, queryHash: string): CursorState;
}

/** A stable hash of what a cursor is valid for. */
export function hashQuery(scope: string, ...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([scope, ...parts], (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * @param secret signs cursors; cursors survive restarts and work across instances only when
 *   it is configured (a random one is made per process otherwise).
 */
export function createCursorCodec(secret: string | Buffer = randomBytes(32)): CursorCodec {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);

  return {
    encode(queryHash, state) {
      const payload = Buffer.from(JSON.stringify({ v: VERSION, h: queryHash, p: state.positions, l: state.last })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor, queryHash) {
      const [payload, signature, ...rest] = cursor.split('.');
      if (!payload || !signature || rest.length > 0 || !safeEqual(signature, sign(payload))) {
        throw invalidCursor('the cursor is malformed or was not issued by this gateway');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      } catch {
        throw invalidCursor('the cursor is malformed');
      }
      if (!isCursorPayload(parsed)) throw invalidCursor('the cursor is malformed');
      if (parsed.v !== VERSION) throw invalidCursor('the cursor is from another version of the gateway');
      if (parsed.h !== queryHash) {
        throw invalidCursor('the cursor belongs to another query: filter, order and source must stay the same while paging');
      }
      return parsed.l === undefined ? { positions: parsed.p } : { positions: parsed.p, last: parsed.l };
    },
  };
}

export function invalidCursor(message: string): GraphQLError {
  return new GraphQLError(`Invalid cursor: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorCode.INVALID_CURSOR },
  });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isCursorPayload(value: unknown): value is { v: number; h: string; p: Record<string, number>; l?: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, h, p, l } = value as Record<string, unknown>;
  if (typeof v !== 'number' || typeof h !== 'string' || typeof p !== 'object' || p === null) return false;
  if (l !== undefined && typeof l !== 'string') return false;
  return Object.values(p).every((offset) => Number.isSafeInteger(offset) && (offset as number) >= 0);
}
