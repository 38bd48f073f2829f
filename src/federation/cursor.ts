/**
 * Opaque, versioned, signed connection cursors.
 *
 * Two kinds share one signature scheme:
 * - offset cursors (comments): a position per stream;
 * - keyset cursors (the merged `tickets` connection, version 2): per source, the sort key the
 *   source has been read up to, with native offsets and the native total only as hints (see
 *   merged-connection.ts). Version 1 ticket cursors carried bare offsets and are refused.
 * Both carry a hash of the query they belong to (scope + filter + order) and are signed, so an
 * edited position is rejected instead of silently answering a wrong page.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import type { SortKey } from './order.js';

const VERSION = 1;
/** Keyset ticket cursors. Bump when the payload's meaning changes. */
export const TICKET_CURSOR_VERSION = 2;

export interface CursorState {
  /** Source key -> native offset of the next ticket to read from that source. */
  positions: Record<string, number>;
  /** The source of the edge this cursor points at (backward pages read strictly before it). */
  last?: string;
}

/** One source's place in a keyset sweep. */
export interface SourcePosition {
  /** Everything of this source at or before this key (merged order) has been read; absent = nothing yet. */
  key?: SortKey;
  /** Hint: index, in the requested order, of the source's first ticket after `key`. */
  after?: number;
  /** Hint: index, in the reverse order, of the source's first ticket before `key`. */
  before?: number;
  /** Hint: the source's native total for the query's pushed-down filter. */
  total?: number;
}

export interface TicketCursorState {
  /** When the sweep began (gateway clock, epoch ms): the key of its sorted-window cache and its UPDATED_AT ASC cut-off. */
  sweep: number;
  positions: Record<string, SourcePosition>;
}

export interface CursorCodec {
  encode(queryHash: string, state: CursorState): string;
  /** Throws BAD_USER_INPUT (reason INVALID_CURSOR) for anything not minted for this query. */
  decode(cursor: string, queryHash: string): CursorState;
  encodeTickets(queryHash: string, state: TicketCursorState): string;
  /** As `decode`; also refuses cursors of an older version with a message saying so. */
  decodeTickets(cursor: string, queryHash: string): TicketCursorState;
}

/** Hashes of recent query descriptions: most requests repeat a handful of queries. */
const recentHashes = new Map<string, string>();
const RECENT_HASHES = 512;

/** A stable hash of what a cursor is valid for (a Date in `parts` counts as its ISO text, as JSON writes it). */
export function hashQuery(scope: string, ...parts: unknown[]): string {
  const description = JSON.stringify([scope, ...parts]);
  let hash = recentHashes.get(description);
  if (hash === undefined) {
    hash = createHash('sha256').update(description).digest('base64url').slice(0, 16);
    // A caller choosing new filters every time only ever costs RECENT_HASHES entries.
    if (recentHashes.size >= RECENT_HASHES) recentHashes.clear();
    recentHashes.set(description, hash);
  }
  return hash;
}

/**
 * @param secret signs cursors; cursors survive restarts and work across instances only when
 *   it is configured (a random one is made per process otherwise).
 */
export function createCursorCodec(secret: string | Buffer = randomBytes(32)): CursorCodec {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
  const open = (cursor: string): unknown => {
    const [payload, signature, ...rest] = cursor.split('.');
    if (!payload || !signature || rest.length > 0 || !safeEqual(signature, sign(payload))) {
      throw invalidCursor('the cursor is malformed or was not issued by this gateway');
    }
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    } catch {
      throw invalidCursor('the cursor is malformed');
    }
  };
  return {
    encodeTickets(queryHash, state) {
      const p: Record<string, unknown[]> = {};
      for (const [source, pos] of Object.entries(state.positions)) {
        p[source] = [pos.key ? [pos.key.v, pos.key.s, pos.key.n] : null, pos.after ?? null, pos.before ?? null, pos.total ?? null];
      }
      const payload = Buffer.from(JSON.stringify({ v: TICKET_CURSOR_VERSION, k: 't', h: queryHash, w: state.sweep, p })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decodeTickets(cursor, queryHash) {
      const parsed = open(cursor);
      if (typeof parsed !== 'object' || parsed === null) throw invalidCursor('the cursor is malformed');
      const { v, k, h } = parsed as Record<string, unknown>;
      if (v !== TICKET_CURSOR_VERSION || k !== 't') {
        throw invalidCursor(
          `the cursor is from another version of the gateway (version ${typeof v === 'number' ? v : 'unknown'}; this gateway reads version ${TICKET_CURSOR_VERSION}): start again from the first page`,
        );
      }
      if (h !== queryHash) {
        throw invalidCursor('the cursor belongs to another query: filter, order and source must stay the same while paging');
      }
      const state = toTicketState(parsed as Record<string, unknown>);
      if (!state) throw invalidCursor('the cursor is malformed');
      return state;
    },
    encode(queryHash, state) {
      const payload = Buffer.from(JSON.stringify({ v: VERSION, h: queryHash, p: state.positions, l: state.last })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor, queryHash) {
      const parsed = open(cursor);
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

const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function toTicketState(payload: Record<string, unknown>): TicketCursorState | null {
  const { w, p } = payload;
  if (!isIndex(w) || typeof p !== 'object' || p === null || Array.isArray(p)) return null;
  const positions: Record<string, SourcePosition> = {};
  for (const [source, entry] of Object.entries(p)) {
    if (!Array.isArray(entry) || entry.length !== 4) return null;
    const [key, after, before, total] = entry as unknown[];
    const position: SourcePosition = {};
    if (key !== null) {
      if (!Array.isArray(key) || key.length !== 3) return null;
      const [kv, ks, kn] = key as unknown[];
      if (!Number.isSafeInteger(kv) || typeof ks !== 'string' || typeof kn !== 'string') return null;
      position.key = { v: kv as number, s: ks, n: kn };
    }
    for (const [name, value] of [['after', after], ['before', before], ['total', total]] as const) {
      if (value === null) continue;
      if (!isIndex(value)) return null;
      position[name] = value;
    }
    positions[source] = position;
  }
  return { sweep: w, positions };
}
