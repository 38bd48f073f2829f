/**
 * What every resolver gets: the configured sources and the per-request state. Loaders live in
 * Pothos' context cache (keyed by this object), so they are per request by construction.
 */
import type { GraphQLError } from 'graphql';
import type { RequestScope } from './request-scope.js';
import type { CursorCodec } from './federation/cursor.js';
import type { SourceAdapter } from './sources/adapter.js';
import type { LiveHub } from './live/hub.js';
import type { IdempotencyStore } from './schema/idempotency-store.js';
import type { ListMemo } from './federation/streams.js';

export interface SourceDirectory {
  /** In configuration order. */
  readonly all: readonly SourceAdapter[];
  get(key: string): SourceAdapter | undefined;
  /** The adapter, or a BAD_USER_INPUT error naming the known keys. */
  require(key: string): SourceAdapter;
  /** Whether the caller may write to this (visible) source; always true when the gateway runs open. */
  canWrite?(key: string): boolean;
}

/** Who is calling, once authenticated (null when the gateway runs open). */
export interface Caller {
  /** The token's `sub`. */
  subject: string;
  /** The tenant claim's value, when a tenant claim is configured and present. */
  tenant: string | null;
  /** The verified claims. */
  claims: Readonly<Record<string, unknown>>;
}

export interface GatewayContext {
  /** Null when no `gateway.auth` is configured. */
  caller: Caller | null;
  sources: SourceDirectory;
  cursors: CursorCodec;
  requestId: string;
  /** The HTTP request (Yoga's; a WebSocket connection's operations share a stand-in). */
  request?: Request;
  /** Its `signal` is aborted when the client goes away or the request deadline passes (made on first read). */
  deadline: { readonly signal: AbortSignal | undefined };
  /** Sources that failed while data still came back; added to the response's errors. */
  sourceFailures: GraphQLError[];
  /** Live ticket events (subscriptions, and mutations publishing their writes). */
  live?: LiveHub | null;
  /** Caller headers and upstream timings for this request (see request-scope.ts). */
  scope: RequestScope;
  /** The client's address (X-Forwarded-For's first hop when trustProxy); names an unauthenticated caller's idempotency keys. */
  clientAddress?: string;
  /**
   * Native list calls made in this request, so no page is fetched twice (federation/streams.ts).
   * On the context, not in a WeakMap keyed by it: Node 20's scavenger keeps a WeakMap's values
   * alive while the map is old, whatever their key, so every request's tickets were promoted
   * to the old generation (bench/README.md, issue 19).
   */
  listings?: ListMemo;
  /** Mutations' idempotency keys (src/schema/idempotency.ts); writes run without when absent. */
  idempotency?: { store: IdempotencyStore; windowMs: number };
}
