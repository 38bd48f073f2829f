/**
 * What a finished operation leaves reachable from its context. Pothos keeps per-request state
 * (loaders) in WeakMaps keyed by the context, and Node 20's scavenger keeps a WeakMap's values
 * alive whatever their key, so a context outlives its request in the young generation: whatever
 * it still reaches then is copied twice and promoted. Every ticket and native record of a
 * `tickets` page used to be reachable from it (the list memo, the loaders' primed tickets),
 * about 2 MB promoted per scavenge in the fan-out bench (bench/README.md, issue 19).
 *
 * Here the test holds each context itself, as the scavenger would, and asks a full collection
 * whether the tickets the sources returned are still reachable.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext, SourceDirectory } from '../src/context.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { createCursorCodec } from '../src/federation/cursor.js';
import { readTicketPage } from '../src/federation/merged-connection.js';
import { useCompiledQueries } from '../src/plugins/use-compiled-queries.js';
import { useRequestDataRelease } from '../src/plugins/use-request-data-release.js';
import { startRequestDeadline } from '../src/request-scope.js';
import { buildSchema } from '../src/schema/index.js';
import type { SourceAdapter } from '../src/sources/adapter.js';
import { createSourceDirectory } from '../src/sources/directory.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PAGE = `query Page($after: String) {
  tickets(first: 20, after: $after) { edges { node { id number title createdAt source { key } } } pageInfo { endCursor } }
}`;

/** Holds each operation's context, as Pothos' WeakMaps do for the scavenger. */
function recordContexts(contexts: GatewayContext[]): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      contexts.push(args.contextValue as GatewayContext);
    },
  };
}

let emulators: EmbeddedEmulators;
let directory: ReturnType<typeof createSourceDirectory>;
/** Every ticket a source returned to a listing, weakly. */
const fetched: WeakRef<object>[] = [];

/** The directory's adapters, each listing reported to `fetched`. */
function watched(inner: SourceDirectory): SourceDirectory {
  const all = inner.all.map((adapter): SourceAdapter => {
    const wrapped = Object.create(adapter) as SourceAdapter;
    wrapped.listTickets = async (request, options) => {
      const page = await adapter.listTickets(request, options);
      for (const ticket of page.tickets) fetched.push(new WeakRef(ticket));
      return page;
    };
    return wrapped;
  });
  const byKey = new Map(all.map((a) => [a.key, a]));
  return {
    all,
    get: (key) => byKey.get(key),
    require: (key) => byKey.get(key) ?? inner.require(key),
  };
}

beforeAll(async () => {
  emulators = await startEmbeddedEmulators();
  directory = createSourceDirectory(emulators.config);
});

afterAll(async () => {
  await directory.close();
  await emulators.close();
});

describe('a finished operation', () => {
  it('keeps none of the tickets it fetched reachable from its context', async () => {
    const sources = watched(directory);
    const cursors = createCursorCodec();
    const contexts: GatewayContext[] = [];
    const yoga = createYoga<Record<string, never>, GatewayContext>({
      schema: buildSchema(),
      logging: false,
      // The gateway's order: compiled execution inside the request scope.
      plugins: [
        useCompiledQueries(),
        useRequestDataRelease(),
        recordContexts(contexts),
      ],
      context: () => {
        const requestId = `memory-${contexts.length}`;
        return {
          caller: null,
          sources,
          cursors,
          requestId,
          deadline: startRequestDeadline(() => undefined, 10_000),
          sourceFailures: [],
          scope: { requestId, incomingHeaders: new Headers(), upstream: [] },
        };
      },
    });
    const run = async (after: string | null) => {
      const response = await yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PAGE, variables: { after } }),
      });
      const body = (await response.json()) as { data?: { tickets: { edges: unknown[]; pageInfo: { endCursor: string | null } } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data?.tickets;
    };

    // Interpreted once, then compiled (graphql-jit), then a second page through a cursor.
    const first = await run(null);
    expect(first?.edges).toHaveLength(20);
    await run(null);
    await run(first?.pageInfo.endCursor ?? null);
    for (const ctx of contexts) (ctx.deadline as { clear?: () => void }).clear?.();

    expect(contexts).toHaveLength(3);
    expect(fetched.length).toBeGreaterThanOrEqual(3 * 20);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const reachable = fetched.filter((ref) => ref.deref() !== undefined).length;
    expect(reachable).toBe(0);
    // The contexts themselves are still held: only what they reach was let go.
    expect(contexts.every((ctx) => ctx.requestId.startsWith('memory-'))).toBe(true);
  });

  it('keeps, in a page it returned, only the tickets on that page', async () => {
    // The page outlives its request the same way (its edges sign their cursors lazily). It
    // reads 21 tickets of each of the five sources; only the 20 on the page may stay.
    fetched.length = 0;
    const requestId = 'memory-page';
    const ctx: GatewayContext = {
      caller: null,
      sources: watched(directory),
      cursors: createCursorCodec(),
      requestId,
      deadline: { signal: undefined },
      sourceFailures: [],
      scope: { requestId, incomingHeaders: new Headers(), upstream: [] },
    };
    const page = await readTicketPage(ctx, { filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, sources: ctx.sources.all }, { direction: 'forward', count: 20, cursor: null });
    ctx.listings?.clear();
    expect(page.edges).toHaveLength(20);
    expect(fetched.length).toBeGreaterThan(20 * 2);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const reachable = fetched.filter((ref) => ref.deref() !== undefined).length;
    expect(reachable).toBe(20);
    // Its cursors still sign from what it kept.
    expect(page.edges[19]?.cursor).toBe(page.pageInfo.endCursor);
  });
});
