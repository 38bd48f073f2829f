/**
 * A response cache for queries (`gateway.responseCache`), in Redis when configured so every
 * replica shares it. Keyed by the operation, its variables and who asked (the caller's subject
 * and tenant once authenticated, and every caller-forwarded vendor header, since a caller's own
 * vendor token changes what the vendor answers). Only complete answers are kept: a result with
 * any error or any failed source is never cached.
 *
 * Invalidation is by source: an entry is tagged with every source it read from, and any
 * mutation drops every entry of every source it touched — on all replicas with Redis. A new
 * ticket changes that source's lists, so the source (not only the ticket) is the right grain.
 *
 * A hit is answered before anything is parsed, validated or executed (onParams), with the
 * stored text as it is (Yoga's `stringify` hook): the point of a cache is that a hit costs
 * less than the cheapest query. Auth and the rate limit (onRequest) still run first.
 *
 * A cacheable GET (e.g. a persisted query) gets `Cache-Control` and an `ETag`; a matching
 * `If-None-Match` answers 304 without a body.
 */
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { ResponseCacheStore } from '../shared-state/response-cache-store.js';
import { sha256Hex as sha256 } from './use-persisted-queries.js';

export interface ResponseCacheOptions {
  store: ResponseCacheStore;
  /** How long an answer is served from cache. */
  ttlMs: number;
  /** Incoming headers forwarded to vendors (every source's `forwardHeaders` keys): part of the key. */
  forwardedHeaders: readonly string[];
  /** Who a request is (its verified caller), before the context exists; absent when the gateway runs open. */
  callerOf?: (request: Request) => Promise<{ subject: string; tenant: string | null } | null>;
  /** Configured secret values: an answer holding one is never stored (hits skip the response scrub). */
  secrets?: readonly string[];
}

type CachingContext = GatewayContext & { request?: Request; params?: GraphQLParams };

interface Who {
  caller: { subject: string; tenant: string | null } | null;
  forwarded: string[];
}

export const CACHE_STATUS_HEADER = 'x-ticketgraph-cache';

export function useResponseCache(options: ResponseCacheOptions): Plugin<GatewayContext> {
  const keyOf = (params: GraphQLParams, who: Who) =>
    sha256(JSON.stringify([params.query ?? null, params.operationName ?? null, params.variables ?? {}, who.caller ? ['caller', who.caller.subject, who.caller.tenant] : ['anonymous'], who.forwarded]));
  const shared = (who: Who) => who.caller === null && who.forwarded.every((value) => value === '');
  /** Cacheable GETs answered by this plugin, for the response headers. */
  const cacheable = new WeakMap<Request, { hit: boolean; shared: boolean }>();

  return {
    async onParams({ params, request, setResult }) {
      if (typeof params.query !== 'string' || params.query.length === 0) return;
      const who: Who = {
        caller: (await options.callerOf?.(request)) ?? null,
        forwarded: options.forwardedHeaders.map((name) => request.headers.get(name) ?? ''),
      };
      const cached = await options.store.get(keyOf(params, who));
      if (cached === null) return;
      cacheable.set(request, { hit: true, shared: shared(who) });
      // Only queries' complete answers are stored, so the key alone says this is one.
      setResult({ stringify: () => cached } as ExecutionResult);
    },
    async onExecute({ args }) {
      const ctx = args.contextValue as CachingContext;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      if (operation.operation === 'mutation') {
        return {
          onExecuteDone() {
            // Even a failed write may have changed something: drop what its sources answered.
            const touched = sourcesTouched(ctx);
            if (touched.length > 0) return options.store.invalidate(touched);
          },
        };
      }
      if (operation.operation !== 'query' || !ctx.params) return;
      const who: Who = {
        caller: ctx.caller ? { subject: ctx.caller.subject, tenant: ctx.caller.tenant } : null,
        forwarded: options.forwardedHeaders.map((name) => ctx.scope.incomingHeaders.get(name) ?? ''),
      };
      const key = keyOf(ctx.params, who);
      return {
        onExecuteDone({ result }) {
          if (!isPlainResult(result) || (result.errors?.length ?? 0) > 0 || ctx.sourceFailures.length > 0) return;
          const text = JSON.stringify({ data: result.data });
          if (options.secrets?.some((secret) => text.includes(secret))) return;
          if (ctx.request) cacheable.set(ctx.request, { hit: false, shared: shared(who) });
          return options.store.set(key, text, sourcesTouched(ctx), options.ttlMs);
        },
      };
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const entry = cacheable.get(request);
      if (!entry) return;
      response.headers.set(CACHE_STATUS_HEADER, entry.hit ? 'hit' : 'miss');
      if (request.method !== 'GET' || response.status !== 200) return;
      const body = await response.clone().text();
      const etag = `"${sha256(body).slice(0, 32)}"`;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('etag', etag);
      // Keyed by caller: only a response nobody's identity shaped may sit in a shared cache.
      headers.set('cache-control', `${entry.shared ? 'public' : 'private'}, max-age=${Math.floor(options.ttlMs / 1000)}`);
      headers.append('vary', 'authorization');
      if (request.headers.get('if-none-match') === etag) {
        headers.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}

function sourcesTouched(ctx: GatewayContext): string[] {
  return [...new Set(ctx.scope.upstream.map((event) => event.source))];
}

function isPlainResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}

