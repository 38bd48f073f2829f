/**
 * The schemas of the config file's tunable settings. Kept apart from config.ts (which loads the
 * source registry) so the HTTP layer can use them without an import cycle through every adapter.
 */
import { z } from 'zod';
import { authSettings } from './auth/settings.js';

/**
 * Server-wide settings, the optional top-level `gateway` object of the config file.
 * Defaults are what `npm start` runs with.
 */
export const gatewaySettings = z.strictObject({
  /** Whole GraphQL request budget: a slow source never holds a response past it. */
  requestDeadlineMs: z.number().int().min(100).max(600_000).default(15_000),
  /** Signs cursors (string or { env }); random per process when unset. */
  cursorSecret: z.union([z.string().min(16), z.strictObject({ env: z.string().min(1) })]).optional(),
  graphiql: z.boolean().default(true),
  introspection: z.boolean().default(true),
  maxDepth: z.number().int().min(1).default(12),
  maxAliases: z.number().int().min(0).default(30),
  maxDirectives: z.number().int().min(0).default(20),
  maxTokens: z.number().int().min(10).default(2_000),
  /** Query cost ceiling; a connection costs its `first`/`last` times its selection. */
  maxCost: z.number().int().min(1).default(20_000),
  bodyLimitBytes: z.number().int().min(1_024).default(100_000),
  /** Per client (the address trustProxy selects, else the socket address). */
  rateLimit: z.strictObject({ windowMs: z.number().int().min(100).default(60_000), max: z.number().int().min(1).default(600) }).default({ windowMs: 60_000, max: 600 }),
  /**
   * Proxies in front of the gateway, as a hop count (Express's convention): `1` takes the
   * address the nearest proxy saw (X-Forwarded-For's last entry), `2` the one before it …;
   * `0` uses the socket. `true` means `1` and `false` means `0` (before #12 `true` took the
   * first entry, which any client can write through a proxy that appends).
   */
  trustProxy: z
    .union([z.boolean(), z.number().int().min(0).max(16)])
    .default(0)
    .transform((value) => (value === true ? 1 : value === false ? 0 : value)),
  /** Upstream attempts (retries included) one GraphQL request may make: estimated before execution, enforced in the HTTP layer. */
  maxUpstreamCalls: z.number().int().min(1).max(100_000).default(100),
  /** On SIGTERM: stop accepting, /ready 503, let in-flight requests finish up to this, then exit. */
  drainTimeoutMs: z.number().int().min(0).max(600_000).default(10_000),
  /**
   * Cross-origin browser access. Only the listed origins get CORS headers (`"*"`: any origin,
   * never with credentials); by default none do, so browsers allow same-origin use only.
   */
  cors: z
    .strictObject({
      origins: z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)])).max(100).default([]),
      credentials: z.boolean().default(false),
    })
    .refine((cors) => !(cors.credentials && cors.origins.includes('*')), { message: 'credentials cannot be allowed for "*" (any origin); list the origins' })
    .default({ origins: [], credentials: false }),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // --- auth (src/auth) ---
  /** Caller authentication and per-source access; the gateway runs open without it. */
  auth: authSettings.optional(),
  /** How long a mutation's `idempotencyKey` answers with its first outcome (README, Mutations). */
  idempotencyWindowMs: z.number().int().min(1_000).max(86_400_000).default(600_000),
  /**
   * Serving as an Apollo Federation subgraph: `_service`/`_entities` exist only when enabled;
   * `exposeNodeFields: false` leaves `node`/`nodes` to another subgraph of the supergraph.
   */
  subgraph: z
    .strictObject({ enabled: z.boolean().default(false), exposeNodeFields: z.boolean().default(true) })
    .default({ enabled: false, exposeNodeFields: true }),
  /**
   * Shared state for several replicas: global rate limits, the persisted-query store, the
   * response cache. Unset: everything is per process.
   */
  redis: z
    .strictObject({
      url: z.union([z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'), z.strictObject({ env: z.string().min(1) })]),
      keyPrefix: z.string().regex(/^[A-Za-z0-9:_-]{0,64}$/).default('tg:'),
    })
    .optional(),
  /** Live updates: how many recent events per source a reconnecting subscriber can catch up on, and for how long. */
  live: z
    .strictObject({ replayEvents: z.number().int().min(1).max(100_000).default(1_000), replayWindowMs: z.number().int().min(1_000).max(86_400_000).default(600_000) })
    .default({ replayEvents: 1_000, replayWindowMs: 600_000 }),
  /** Cache query results (in Redis when `redis` is set, else in memory). Off when unset. */
  responseCache: z.strictObject({ ttlMs: z.number().int().min(100).max(86_400_000), maxEntries: z.number().int().min(1).default(10_000) }).optional(),
  /**
   * Trusted documents: operations known up front (sha256 hex -> text, the format of
   * graphql-codegen's `persisted-documents.json`). With `only`, nothing else runs.
   */
  persistedDocuments: z.strictObject({ file: z.string().min(1), only: z.boolean().default(false) }).optional(),
  // --- tracing (src/observability/tracing.ts) ---
  /**
   * OpenTelemetry traces over OTLP/HTTP (JSON). Off unless an endpoint is set here or in
   * OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT; the OTEL_* variables override these values.
   */
  tracing: z
    .strictObject({
      /** The collector's traces URL, e.g. http://collector:4318/v1/traces (used as written). */
      endpoint: z.url({ protocol: /^https?$/ }).optional(),
      serviceName: z.string().min(1).max(200).default('ticketgraph'),
      /** Share of new traces recorded; a caller's sampled `traceparent` is always followed. */
      sampleRatio: z.number().min(0).max(1).default(1),
      /** Sent to the collector with every export (e.g. an API key). */
      headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/), z.string().regex(/^[\t\x20-\x7e]*$/)).optional(),
      /** Put the GraphQL document on the request span (never the variables). */
      captureDocument: z.boolean().default(false),
    })
    .optional(),
});
export type GatewaySettings = z.infer<typeof gatewaySettings>;

/**
 * Per-source resilience, the optional `resilience` object of a source entry.
 */
export const resilienceSettings = z.strictObject({
  connectTimeoutMs: z.number().int().min(1).max(60_000).default(3_000),
  /** Extra attempts for idempotent reads (writes are never retried). */
  retries: z.number().int().min(0).max(5).default(2),
  retryBaseDelayMs: z.number().int().min(1).default(100),
  retryMaxDelayMs: z.number().int().min(1).default(2_000),
  /** A vendor's Retry-After is honoured up to this. */
  maxRetryAfterMs: z.number().int().min(0).default(5_000),
  /** Retries allowed per request made, over time (a budget, so retries can't multiply load in an outage). */
  retryBudgetRatio: z.number().min(0).max(1).default(0.2),
  /** Consecutive failures that open the circuit. */
  breakerFailures: z.number().int().min(1).default(5),
  breakerCooldownMs: z.number().int().min(10).default(10_000),
  /** Connections to this vendor (undici Pool size) and requests allowed to wait for one. */
  maxConnections: z.number().int().min(1).max(256).default(16),
  maxQueue: z.number().int().min(0).default(256),
  /** Larger answers are cut off while streaming (UPSTREAM_BAD_RESPONSE, reason RESPONSE_TOO_LARGE). */
  maxResponseBytes: z.number().int().min(1_024).max(1_073_741_824).default(8 * 1024 * 1024),
});
export type ResilienceSettings = z.infer<typeof resilienceSettings>;
