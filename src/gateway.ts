/**
 * createGateway(config) -> a Yoga instance over the configured sources. It never listens:
 * `server.ts` does, and tests call `yoga.fetch` or mount it on an ephemeral port.
 */
import { randomUUID } from 'node:crypto';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import type { GatewayConfig } from './config.js';
import type { GatewayContext, SourceDirectory } from './context.js';
import { createCursorCodec } from './federation/cursor.js';
import { createPersistedQueryStore, usePersistedQueries, type PersistedQueryOptions } from './plugins/use-persisted-queries.js';
import { useSourceFailures } from './plugins/use-source-failures.js';
import { buildSchema } from './schema/index.js';
import { createSourceDirectory } from './sources/directory.js';
import { DEFAULT_GRAPHIQL_QUERY } from './graphiql-default.js';

export interface GatewayOptions {
  config: GatewayConfig;
  /** Signs cursors; set it so cursors survive restarts and work across instances. */
  cursorSecret?: string;
  /** Per-source dispatcher override (tests count or fake upstream calls with it). */
  dispatcher?: (sourceKey: string) => Dispatcher | undefined;
  /** @default true */
  graphiql?: boolean;
  /** Automatic persisted queries (APQ) for frontends; `false` turns them off. @default {} */
  persistedQueries?: PersistedQueryOptions | false;
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, never>, GatewayContext>;
  sources: SourceDirectory;
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const sources = createSourceDirectory(options.config, options.dispatcher ? { dispatcher: options.dispatcher } : {});
  const cursors = createCursorCodec(options.cursorSecret);
  const yoga = createYoga<Record<string, never>, GatewayContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'ticketgraph', defaultQuery: DEFAULT_GRAPHIQL_QUERY },
    context: ({ request }) => ({
      sources,
      cursors,
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
      signal: request.signal,
      sourceFailures: [],
    }),
    plugins: [
      ...(options.persistedQueries === false ? [] : [usePersistedQueries(createPersistedQueryStore(options.persistedQueries))]),
      useSourceFailures(),
    ],
  });
  return { yoga, sources, close: () => sources.close() };
}
