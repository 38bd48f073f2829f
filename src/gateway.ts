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
import { DEFAULT_GRAPHIQL_QUERY } from './graphiql-default.js';
import { createProduction } from './observability/production.js';
import type { DestinationStream, Logger } from './observability/logger.js';
import { renderGraphiQL, useGraphiQLAssets } from './graphiql.js';
import { createPersistedQueryStore, usePersistedQueries, type PersistedQueryOptions } from './plugins/use-persisted-queries.js';
import { useRequestScope } from './plugins/use-request-scope.js';
import { useSourceFailures } from './plugins/use-source-failures.js';
import { buildSchema } from './schema/index.js';
import { createSourceDirectory } from './sources/directory.js';
import { createSharedState } from './shared-state/index.js';
import { createLiveHub, type LiveHub } from './live/hub.js';
import { DEFAULT_POLL_INTERVAL_MS } from './live/intervals.js';
import { useResponseCache } from './plugins/use-response-cache.js';
import { loadTrustedDocuments } from './shared-state/trusted-documents.js';
import type { UpstreamObserver } from './sources/http.js';
import type { CircuitState } from './sources/resilience.js';

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
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const settings = options.config.gateway ?? defaultGatewaySettings();
  // Logs, metrics, limits, CSRF, rate limit, masked errors, health/ready/metrics: src/observability/production.ts.
  // Caller auth (src/auth): absent, the gateway runs open.
  const auth = settings.auth ? createAuthenticator(settings.auth, options.config.sources, options.authClock ? { now: options.authClock } : {}) : undefined;
  const production = createProduction({ config: options.config, settings, ...(auth ? { rateLimitKey: auth.rateLimitKey } : {}), ...(options.logDestination ? { logDestination: options.logDestination } : {}), ...(options.observer ? { observer: options.observer } : {}) });
  const sources = createSourceDirectory(options.config, {
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    observer: production.observer,
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
  });
  const forwardedHeaders = [...new Set(options.config.sources.flatMap((s) => Object.keys(s.forwardHeaders ?? {})))];
  const yoga = createYoga<Record<string, never>, GatewayContext>({
    ...production.yogaOptions,
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: graphiql ? { title: 'ticketgraph', defaultQuery: DEFAULT_GRAPHIQL_QUERY } : false,
    // GraphiQL's files come from this server, not a public CDN (src/graphiql.ts).
    renderGraphiQL,
    context: ({ request }) => {
      const requestId = production.requestIdFor(request);
      const view = auth ? auth.viewFor(request, sources, cursors) : { caller: null, sources, cursors };
      return {
        live,
        ...view,
        requestId,
        // The client going away or the deadline passing both stop upstream work. (Envelop
        // copies the context with Object.assign, so a lazy getter would be read here anyway.)
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(settings.requestDeadlineMs)]),
        sourceFailures: [],
        scope: { requestId, incomingHeaders: request.headers, upstream: [], caller: view.caller },
      };
    },
    plugins: [
      ...production.plugins(() => sources.circuitStates(), { rateLimiter: shared.rateLimiter, readiness: shared.readiness }),
      ...(auth ? [useAuth(auth, { graphqlEndpoint: '/graphql' })] : []),
      ...(persisted ? [usePersistedQueries(persisted, { only: settings.persistedDocuments?.only ?? false })] : []),
      ...(graphiql ? [useGraphiQLAssets()] : []),
      useRequestScope(),
      useSourceFailures(),
      ...(shared.responseCache ? [useResponseCache({ ...shared.responseCache, forwardedHeaders })] : []),
    ],
  });
  return {
    yoga,
    sources,
    live,
    auth,
    settings,
    logger: production.logger,
    close: async () => {
      await live.close();
      await Promise.allSettled([sources.close(), shared.close()]);
    },
  };
}
