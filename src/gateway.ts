/**
 * createGateway(config) -> a Yoga instance over the configured sources. It never listens:
 * `server.ts` does, and tests call `yoga.fetch` or mount it on an ephemeral port.
 */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import { defaultGatewaySettings, type GatewayConfig, type GatewaySettings } from './config.js';
import type { GatewayContext, SourceDirectory } from './context.js';
import { createAuthenticator, type Authenticator } from './auth/authenticator.js';
import { useAuth } from './auth/use-auth.js';
import { createCursorCodec } from './federation/cursor.js';
import { DEFAULT_GRAPHIQL_QUERY, GRAPHIQL_TABS } from './graphiql-default.js';
import { createProduction } from './observability/production.js';
import type { DestinationStream, Logger } from './observability/logger.js';
import { renderGraphiQL, useGraphiQLAssets } from './graphiql.js';
import { createPersistedQueryStore, usePersistedQueries, type PersistedQueryOptions } from './plugins/use-persisted-queries.js';
import { useRequestDataRelease } from './plugins/use-request-data-release.js';
import { useSourceFailures } from './plugins/use-source-failures.js';
import { clientAddress } from './plugins/use-rate-limit.js';
import { createMemoryIdempotencyStore } from './schema/idempotency-store.js';
import { createRedisIdempotencyStore } from './shared-state/idempotency-store.js';
import { buildSchema } from './schema/index.js';
import { createSourceDirectory } from './sources/directory.js';
import { createSharedState } from './shared-state/index.js';
import { createLiveHub, type LiveHub } from './live/hub.js';
import { DEFAULT_POLL_INTERVAL_MS } from './live/intervals.js';
import { useResponseCache } from './plugins/use-response-cache.js';
import { loadTrustedDocuments } from './shared-state/trusted-documents.js';
import type { UpstreamObserver } from './sources/http.js';
import type { CircuitState } from './sources/resilience.js';
import { startRequestDeadline, type RequestDeadline, type RequestScope } from './request-scope.js';
import type { Plugin } from 'graphql-yoga';
import { useCompiledQueries } from './plugins/use-compiled-queries.js';
import { createTracing, type Tracing, type TracingEnv } from './observability/tracing.js';

export interface GatewayOptions {
  config: GatewayConfig;
  /** Per-source dispatcher override (tests count or fake upstream calls with it). */
  dispatcher?: (sourceKey: string) => Dispatcher | undefined;
  /** Told about every upstream attempt. */
  observer?: UpstreamObserver;
  /** Signs cursors; overrides `gateway.cursorSecret` from the config. */
  cursorSecret?: string;
  /** Overrides `gateway.graphiql` from the config. */
  graphiql?: boolean;
  /** Automatic persisted queries (APQ) for frontends; `false` turns them off. @default {} */
  persistedQueries?: PersistedQueryOptions | false;
  /** The clock tokens are checked against (tests). @default now */
  authClock?: () => Date;
  /** Where JSON log lines go, at `gateway.logLevel`. @default stderr, `error` and above only (`npm start` passes stdout) */
  logDestination?: DestinationStream;
  /** Where the OTEL_* variables are read (tracing). @default process.env */
  env?: TracingEnv;
  /**
   * Identical reads already on their way to a vendor are not sent again (src/sources/shared-reads.ts);
   * `false` sends every request's own (the bench's like-for-like rows). @default true
   */
  shareInFlightReads?: boolean;
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, never>, GatewayContext>;
  sources: SourceDirectory & { circuitStates(): Record<string, CircuitState> };
  /** Live ticket events: pollers, the event log and fan-out to subscribers. */
  live: LiveHub;
  /** Caller authentication, when `gateway.auth` is set (WebSocket connections use it too). */
  auth: Authenticator | undefined;
  settings: GatewaySettings;
  logger: Logger;
  /** OpenTelemetry, null when off; websocket.ts traces its operations with it. */
  tracing: Tracing | null;
  /** SIGTERM: /ready answers 503 from now on (the server stops accepting and waits, see server.ts). */
  startDraining(): void;
  close(): Promise<void>;
}

/** Clears each request's deadline timer when its response is ready. */
function useRequestDeadlines(deadlines: WeakMap<Request, RequestDeadline>): Plugin {
  return {
    onResponse({ request }) {
      deadlines.get(request)?.clear();
      deadlines.delete(request);
    },
  };
}

export function createGateway(options: GatewayOptions): Gateway {
  const settings = options.config.gateway ?? defaultGatewaySettings();
  // OpenTelemetry (src/observability/tracing.ts): null, and nothing of it created, when off.
  // First, so a bad OTEL_* value refuses to start before any pool or connection exists.
  const tracing = createTracing(settings.tracing, options.env ?? process.env);
  // Logs, metrics, limits, CSRF, rate limit, masked errors, health/ready/metrics: src/observability/production.ts.
  // Caller auth (src/auth): absent, the gateway runs open.
  const auth = settings.auth ? createAuthenticator(settings.auth, options.config.sources, options.authClock ? { now: options.authClock } : {}) : undefined;
  const production = createProduction({ config: options.config, settings, ...(auth ? { rateLimitKey: auth.rateLimitKey } : {}), ...(options.logDestination ? { logDestination: options.logDestination } : {}), ...(options.observer ? { observer: options.observer } : {}) });
  const sources = createSourceDirectory(options.config, {
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    observer: production.observer,
    shareInFlightReads: options.shareInFlightReads ?? true,
  });
  const secret = options.cursorSecret ?? (typeof settings.cursorSecret === 'string' ? settings.cursorSecret : undefined);
  const cursors = createCursorCodec(secret);
  const graphiql = options.graphiql ?? settings.graphiql;
  const shared = createSharedState({ settings, registry: production.metrics.registry, log: production.logger });
  const trusted = settings.persistedDocuments ? loadTrustedDocuments(settings.persistedDocuments.file) : undefined;
  const persisted =
    options.persistedQueries === false && !trusted
      ? null
      : shared.persistedQueries(
          createPersistedQueryStore({
            ...(options.persistedQueries || {}),
            documents: { ...(options.persistedQueries ? options.persistedQueries.documents : {}), ...trusted },
          }),
        );
  const live = createLiveHub({
    adapters: sources.all,
    pollIntervalMs: Object.fromEntries(options.config.sources.map((s) => [s.key, s.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS])),
    redis: shared.redis && typeof settings.redis?.url === 'string' ? { connection: shared.redis, url: settings.redis.url } : null,
    log: production.logger,
    replay: { maxEvents: settings.live.replayEvents, maxAgeMs: settings.live.replayWindowMs },
  });
  const forwardedHeaders = [...new Set(options.config.sources.flatMap((s) => Object.keys(s.forwardHeaders ?? {})))];
  // What the upstream-call estimate needs: how far `tickets` fans out, and who pays a call per ticket.
  const upstreamScope = {
    sources: sources.all.length,
    commentSources: sources.all.filter((a) => a.capabilities.comments).length,
    descriptionSources: sources.all.filter((a) => a.loadDescription !== undefined).length,
  };
  const deadlines = new WeakMap<Request, RequestDeadline>();
  // Shared with every replica through Redis, so a retried mutation elsewhere returns the first outcome.
  const idempotency = {
    store: shared.redis ? createRedisIdempotencyStore(shared.redis) : createMemoryIdempotencyStore(),
    windowMs: settings.idempotencyWindowMs,
  };
  const yoga = createYoga<Record<string, never>, GatewayContext>({
    ...production.yogaOptions,
    schema: buildSchema({ subgraph: settings.subgraph.enabled, exposeNodeFields: settings.subgraph.exposeNodeFields }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: graphiql ? { title: 'ticketgraph', defaultQuery: DEFAULT_GRAPHIQL_QUERY, defaultTabs: GRAPHIQL_TABS } : false,
    // GraphiQL's files come from this server, not a public CDN (src/graphiql.ts).
    renderGraphiQL,
    context: ({ request, ...serverContext }) => {
      const requestId = production.requestIdFor(request);
      const view = auth ? auth.viewFor(request, sources, cursors) : { caller: null, sources, cursors };
      const scope: RequestScope = { requestId, incomingHeaders: request.headers, upstream: [], caller: view.caller, maxUpstreamCalls: settings.maxUpstreamCalls, upstreamCalls: 0 };
      // The client going away or the deadline passing both stop upstream work; its signal carries the scope to http.ts.
      const deadline = startRequestDeadline(() => request.signal, settings.requestDeadlineMs, scope);
      // Cleared with the HTTP response. Operations over WebSocket (websocket.ts puts the socket in
      // the server context) share one stand-in request per connection and get no response: each
      // keeps its own deadline, whose timer (made only if it calls upstream) ends by itself.
      if (!('socket' in serverContext)) deadlines.set(request, deadline);
      return {
        live,
        ...view,
        requestId,
        // Not `signal: deadline.signal`: envelop copies the context with Object.assign, which would
        // read the lazy signal of every request.
        deadline,
        sourceFailures: [],
        scope,
        clientAddress: clientAddress(request, serverContext, settings.trustProxy),
        idempotency,
      };
    },
    plugins: [
      ...(tracing ? [tracing.plugin] : []),
      ...production.plugins(() => sources.circuitStates(), () => upstreamScope, { rateLimiter: shared.rateLimiter, readiness: shared.readiness }),
      ...(auth ? [useAuth(auth, { graphqlEndpoint: '/graphql' })] : []),
      ...(persisted ? [usePersistedQueries(persisted, { only: settings.persistedDocuments?.only ?? false })] : []),
      ...(graphiql ? [useGraphiQLAssets()] : []),
      useCompiledQueries({ onCompile: (outcome) => production.metrics.observeCompilation(outcome) }),
      useRequestDataRelease(),
      useRequestDeadlines(deadlines),
      useSourceFailures(),
      ...(shared.responseCache
        ? [
            useResponseCache({
              ...shared.responseCache,
              forwardedHeaders,
              secrets: production.secrets,
              ...(auth
                ? {
                    callerOf: async (request: Request) => {
                      const result = await auth.authenticate(request);
                      return result.ok ? { subject: result.caller.subject, tenant: result.caller.tenant } : null;
                    },
                  }
                : {}),
            }),
          ]
        : []),
    ],
  });
  return {
    yoga,
    sources,
    live,
    auth,
    settings,
    logger: production.logger,
    tracing,
    startDraining: production.startDraining,
    close: async () => {
      production.close();
      await live.close();
      await Promise.allSettled([sources.close(), shared.close()]);
      await tracing?.shutdown();
    },
  };
}
