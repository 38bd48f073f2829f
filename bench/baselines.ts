/**
 * What the gateway is compared with, each an HTTP server answering POST with JSON:
 *
 * - `bare`: the hand-written script target 1 asks for. The same native calls the gateway makes
 *   for `tickets(first: 50)` (each kind's own adapter over `createSourceHttp`, so the requests,
 *   auth, undici pools and response parsing are identical by construction), all five in
 *   parallel, merged newest first, the first 50 serialized. No GraphQL, no cursors, no residual
 *   filtering: the gap to the gateway is what the GraphQL layer and the federation cost.
 * - `floor`: the same native requests replayed byte for byte with undici (recorded once at
 *   start-up), bodies JSON.parsed and nothing else — no validation, no mapping. Reported for
 *   information: the gap from floor to bare is what the adapters' parsing and mapping cost.
 * - `hello`: a Yoga hello-world (target 4's ceiling).
 */
import type { RequestListener } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { Pool, type Dispatcher } from 'undici';
import type { GatewayConfig } from '../src/config.js';
import type { Ticket } from '../src/model.js';
import type { ListTicketsRequest, SourceAdapter } from '../src/sources/adapter.js';
import { createSourceHttp } from '../src/sources/http.js';
import { findSourceKind } from '../src/sources/registry.js';

export const FIRST_PAGE: ListTicketsRequest = { filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 50 };

export interface Baseline {
  handler: RequestListener;
  close(): Promise<void>;
}

function createAdapters(config: GatewayConfig, dispatcher?: (key: string) => Dispatcher): SourceAdapter[] {
  return config.sources.map((source) => {
    const kind = findSourceKind(source.kind);
    if (!kind) throw new Error(`unknown kind ${source.kind}`);
    const custom = dispatcher?.(source.key);
    const http = createSourceHttp({ source: source.key, baseUrl: source.baseUrl, timeoutMs: source.timeoutMs, ...(custom ? { dispatcher: custom } : {}) });
    return kind.createAdapter(source, http);
  });
}

/** Reads (and drops) the request body, then answers with `answer()`'s JSON. */
function jsonHandler(answer: () => Promise<unknown>): RequestListener {
  return (req, res) => {
    req.resume();
    req.on('end', () => {
      answer().then(
        (body) => {
          const payload = JSON.stringify(body);
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
          res.end(payload);
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  };
}

const newestFirst = (a: Ticket, b: Ticket) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0);

export function createBare(config: GatewayConfig): Baseline {
  const adapters = createAdapters(config);
  const handler = jsonHandler(async () => {
    const pages = await Promise.all(adapters.map((adapter) => adapter.listTickets(FIRST_PAGE)));
    const merged = pages.flatMap((page) => page.tickets).sort(newestFirst).slice(0, FIRST_PAGE.limit);
    // The fields the gateway's bench query selects.
    const edges = merged.map((t) => ({
      node: {
        id: Buffer.from(`Ticket:${t.sourceKey}:${t.number}`).toString('base64url'),
        number: t.number,
        title: t.title,
        status: t.status,
        priority: t.priority,
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
        source: { key: t.sourceKey },
      },
    }));
    return { data: { tickets: { edges, hasNextPage: pages.some((p) => p.hasMore) } } };
  });
  return { handler, close: async () => Promise.all(adapters.map((a) => a.close())).then(() => undefined) };
}

interface RecordedCall {
  pool: Pool;
  options: Dispatcher.RequestOptions;
}

export async function createFloor(config: GatewayConfig): Promise<Baseline> {
  const pools = new Map(config.sources.map((s) => [s.key, new Pool(new URL(s.baseUrl).origin, { connections: 16 })]));
  const recorded: RecordedCall[] = [];
  const recorder = (key: string): Dispatcher => {
    const pool = pools.get(key) as Pool;
    return pool.compose((dispatch) => (options, handler) => {
      const { method, path, headers, body } = options;
      recorded.push({ pool, options: { origin: options.origin ?? '', method, path, headers: headers as Record<string, string>, body: body as string } });
      return dispatch(options, handler);
    });
  };
  await Promise.all(createAdapters(config, recorder).map((adapter) => adapter.listTickets(FIRST_PAGE)));
  const handler = jsonHandler(async () => {
    const bodies = await Promise.all(
      recorded.map(async ({ pool, options }) => {
        const response = await pool.request(options);
        return JSON.parse(await response.body.text()) as unknown;
      }),
    );
    return { data: { sources: bodies.length } };
  });
  return { handler, close: async () => Promise.all([...pools.values()].map((p) => p.close())).then(() => undefined) };
}

export function createHello(): Baseline {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
  });
  return { handler: yoga, close: async () => {} };
}
