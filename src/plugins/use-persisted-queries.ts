/**
 * Automatic persisted queries (Apollo's APQ wire format, which Apollo Client's persisted-query
 * link, urql's and Relay-style fetchers speak): a client sends only
 * `extensions.persistedQuery.sha256Hash`; on `PersistedQueryNotFound` it resends the hash with
 * the query, which registers it. Later requests (GET included, so CDNs can cache them) carry
 * only the hash.
 *
 * The lookup and the errors are Yoga's persisted-operations plugin; registration is here, as
 * that plugin only reads a store. (`@graphql-yoga/plugin-apq` would do both, but it peers on
 * @graphql-tools/utils 10 while graphql-yoga 5.24 is on 11: npm refuses the pair.)
 */
import { createHash } from 'node:crypto';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';

export interface PersistedQueryOptions {
  /**
   * Documents known up front, sha256 hex of the exact text -> text (e.g. the
   * `persisted-documents.json` of graphql-codegen's client preset). Never evicted.
   */
  documents?: Readonly<Record<string, string>>;
  /** Registered documents kept, least recently used evicted first. @default 1000 */
  maxEntries?: number;
}

export const DEFAULT_MAX_PERSISTED_QUERIES = 1000;

interface PersistedQueryExtension {
  version: unknown;
  sha256Hash: unknown;
}

function persistedQueryOf(extensions: unknown): PersistedQueryExtension | null {
  if (typeof extensions !== 'object' || extensions === null || !('persistedQuery' in extensions)) return null;
  const pq = extensions.persistedQuery;
  if (typeof pq !== 'object' || pq === null) return null;
  return { version: 'version' in pq ? pq.version : undefined, sha256Hash: 'sha256Hash' in pq ? pq.sha256Hash : undefined };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function badRequest(message: string) {
  return createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

export interface PersistedQueryStore {
  /** The text registered under a hash (sync from memory, async from a shared store). */
  get(hash: string): string | null | Promise<string | null>;
  register(hash: string, text: string): void;
  readonly size: number;
}

/** A bounded LRU of registered documents; preloaded ones sit outside it. */
export function createPersistedQueryStore(options: PersistedQueryOptions = {}): PersistedQueryStore & { get(hash: string): string | null } {
  const fixed = new Map(Object.entries(options.documents ?? {}));
  const registered = new Map<string, string>();
  const max = Math.max(1, options.maxEntries ?? DEFAULT_MAX_PERSISTED_QUERIES);
  return {
    get(hash: string): string | null {
      const known = fixed.get(hash);
      if (known !== undefined) return known;
      const text = registered.get(hash);
      if (text === undefined) return null;
      registered.delete(hash);
      registered.set(hash, text);
      return text;
    },
    register(hash: string, text: string): void {
      if (fixed.has(hash)) return;
      registered.delete(hash);
      registered.set(hash, text);
      if (registered.size > max) registered.delete(registered.keys().next().value as string);
    },
    get size(): number {
      return fixed.size + registered.size;
    },
  };
}

export interface PersistedQueriesPluginOptions {
  /**
   * Trusted documents only: operations not in the store are refused and nothing can be
   * registered (APQ off), as Apollo's, Hive's and Cosmo's "persisted documents only" modes.
   * @default false
   */
  only?: boolean;
}

export function usePersistedQueries(store: PersistedQueryStore, options: PersistedQueriesPluginOptions = {}): Plugin {
  const only = options.only ?? false;
  const lookup = usePersistedOperations({
    allowArbitraryOperations: !only,
    getPersistedOperation: (hash) => store.get(hash.toLowerCase()),
    customErrors: {
      // Apollo's name and code: clients match on them to resend with the query.
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      persistedQueryOnly: {
        message: 'Only trusted documents run on this gateway: send the persisted document hash (extensions.persistedQuery.sha256Hash)',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
    },
  });
  return {
    ...lookup,
    onParams(payload) {
      const pq = persistedQueryOf(payload.params.extensions);
      // No persisted query: an ordinary request, left to Yoga's own parameter checks (or, in
      // trusted-documents mode, refused by the lookup plugin).
      if (pq === null) return only ? lookup.onParams?.(payload) : undefined;
      if (pq.version !== 1) throw badRequest('Unsupported persisted query version');
      if (typeof pq.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/i.test(pq.sha256Hash)) {
        throw badRequest('persistedQuery.sha256Hash must be a sha256 hex digest');
      }
      const query = payload.params.query;
      if (typeof query === 'string') {
        if (only) throw badRequest('Only trusted documents run on this gateway: registering queries is off');
        // Registration: only under the document's own hash, so nobody can plant another text.
        if (sha256Hex(query) !== pq.sha256Hash.toLowerCase()) throw badRequest('provided sha does not match query');
        store.register(pq.sha256Hash.toLowerCase(), query);
        return;
      }
      return lookup.onParams?.(payload);
    },
  };
}
