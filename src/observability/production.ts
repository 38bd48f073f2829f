/**
 * Everything "Running in production" adds to a gateway, assembled from the `gateway` settings
 * in one place so createGateway only wires it in: the logger, the metrics and the upstream
 * observer feeding them, Yoga options (masked errors, body limit, Yoga's own logging) and the
 * plugins (health/ready/metrics routes, rate limit, CSRF, request log, query limits).
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { GatewayConfig, GatewaySettings } from '../config.js';
import type { GatewayContext } from '../context.js';
import { useBodyLimit } from '../plugins/use-body-limit.js';
import { useOperationalRoutes } from '../plugins/use-operational-routes.js';
import { useQueryLimits } from '../plugins/use-query-limits.js';
import type { UpstreamScope } from '../plugins/query-cost.js';
import { useRateLimit } from '../plugins/use-rate-limit.js';
import { useRequestLog } from '../plugins/use-request-log.js';
import type { RateLimiter } from '../shared-state/rate-limiter.js';
import type { UpstreamObserver } from '../sources/http.js';
import { redactor, secretNeedles } from './redact.js';
import { onSkippedRecord } from '../sources/skipped-records.js';
import type { CircuitState } from '../sources/resilience.js';
import { createLogger, credentialSecrets, yogaLogger, type DestinationStream, type Logger } from './logger.js';
import { createMaskError, useMaskedErrorIds } from './mask-error.js';
import { useVariableErrorCodes } from '../plugins/use-variable-error-codes.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics.js';
import { requestIdFor } from './request-context.js';

/**
 * Headers any of which lets a "simple" (non-JSON) request through the CSRF check: Yoga's own and
 * the two Apollo clients send when told to (`apollo-require-preflight`, `x-apollo-operation-name`).
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];

/** Yoga's CSRF plugin, its 403 given a code clients (and the request log) can match on. */
function useCsrfPrevention(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch (error) {
        throw createGraphQLError(`${error instanceof Error ? error.message : 'CSRF check failed'}: send one of ${CSRF_HEADERS.join(', ')} (or a JSON POST)`, {
          extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } },
        });
      }
    },
  };
}

export interface ProductionOptions {
  config: GatewayConfig;
  settings: GatewaySettings;
  /** Where JSON log lines go, at `settings.logLevel`. @default stderr, and only `error` and above */
  logDestination?: DestinationStream;
  /** Told about every upstream attempt too (beside the metrics). */
  observer?: UpstreamObserver;
  /** The rate limit's key for an authenticated request (src/auth). */
  rateLimitKey?: (request: Request) => Promise<string | undefined>;
}

/** What shared state (src/shared-state) adds to the production plugins. */
export interface ProductionSharing {
  rateLimiter?: RateLimiter | undefined;
  /** Merged into the `/ready` body. */
  readiness?: () => Record<string, unknown>;
}

export interface Production {
  logger: Logger;
  metrics: GatewayMetrics;
  /** Feeds the metrics, then the caller's observer. */
  observer: UpstreamObserver;
  /** Spread into createYoga's options. */
  yogaOptions: {
    maskedErrors: { maskError: (error: unknown, message: string) => Error };
    /** Off: useBodyLimit (src/plugins/use-body-limit.ts) enforces `bodyLimitBytes`. */
    maxRequestBodySize: false;
    logging: YogaLogger;
    cors: (request: Request) => CORSOptions;
  };
  /** The configured credential values (never in a log line nor a response). */
  secrets: readonly string[];
  /** From now on /ready answers 503 (SIGTERM drain). */
  startDraining(): void;
  /** Stops listening for skipped records. */
  close(): void;
  /** The id for this request's context (the same one the log line and masked errors carry). */
  requestIdFor(request: Request): string;
  /** Registered first: routes and refusals come before any parsing. */
  plugins(circuitStates: () => Record<string, CircuitState>, upstream?: () => UpstreamScope, sharing?: ProductionSharing): (Plugin | Plugin<GatewayContext>)[];
}

type CORSOptions = false | { origin: string[]; credentials: boolean; methods: string[]; maxAge: number };

/**
 * Yoga's `cors` option from `gateway.cors`: CORS headers only for a listed origin (Yoga's own
 * default echoes any Origin with credentials), credentials only when configured, and never
 * for `*`.
 */
export function corsFor(cors: GatewaySettings['cors']): (request: Request) => CORSOptions {
  const listed = new Set(cors.origins);
  const anyOrigin = listed.has('*');
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(anyOrigin || listed.has(origin))) return false;
    return { origin: [origin], credentials: cors.credentials && !anyOrigin, methods: ['GET', 'POST'], maxAge: 600 };
  };
}

/**
 * `Vary: Origin` on every response when some origin may get CORS headers: the answer differs by
 * Origin, so no shared cache may hand one origin's answer to another.
 */
function useVaryOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary || !/(^|,)\s*origin\s*(,|$)/i.test(vary)) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}

/** Scrubs every string of a result that holds a configured secret (vendors can echo the request into anything). */
function scrubbed(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, scrub));
  if (value instanceof GraphQLError) {
    return new GraphQLError(scrub(value.message), {
      nodes: value.nodes,
      source: value.source,
      positions: value.positions,
      path: value.path,
      extensions: scrubbed(value.extensions, scrub) as Record<string, unknown>,
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubbed(item, scrub)]));
  }
  return value;
}

type Stringify = (value: unknown) => string;

/**
 * The last step before a result is written: no configured secret leaves in a response. A
 * vendor that echoes our request in its error text would otherwise hand a client our
 * credentials. The check runs on the text Yoga writes (its result processor calls a result's
 * `stringify`): one native substring scan per needle, with nothing walked or copied; only a
 * text that holds one is written again from a scrubbed copy of the result.
 */
export function useResponseSecretScrub(secrets: readonly string[]): Plugin {
  // Each secret as written and, where that differs, JSON-escaped: worked out once, not per response.
  const needles = secretNeedles(secrets);
  const scrub = redactor(secrets);
  const guarded = (inner: Stringify): Stringify => (value) => {
    const text = inner(value);
    return needles.some((needle) => text.includes(needle)) ? inner(scrubbed(value, scrub)) : text;
  };
  return {
    onResultProcess({ result }) {
      if (needles.length === 0 || typeof result !== 'object' || result === null || Symbol.asyncIterator in result) return;
      for (const one of (Array.isArray(result) ? result : [result]) as { stringify?: Stringify }[]) {
        one.stringify = guarded(one.stringify ?? JSON.stringify);
      }
    },
  };
}

export function createProduction(options: ProductionOptions): Production {
  const { settings } = options;
  const secrets = credentialSecrets(options.config);
  const logger = createLogger({
    // Library use (tests, embedding) stays quiet unless given somewhere to log.
    level: options.logDestination ? settings.logLevel : settings.logLevel === 'silent' ? 'silent' : 'error',
    secrets,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  let circuitStates: () => Record<string, CircuitState> = () => ({});
  const metrics = createGatewayMetrics({ circuitStates: () => circuitStates() });
  const outer = options.observer;
  let draining = false;
  const sourceKeys = new Set(options.config.sources.map((s) => s.key));
  const unsubscribe = onSkippedRecord((skipped) => {
    // The listener list is process-wide; another gateway's sources are not ours to count.
    if (!sourceKeys.has(skipped.source)) return;
    metrics.observeSkippedRecord(skipped);
    logger.warn({ source: skipped.source, record: skipped.record, reason: skipped.reason }, 'skipped a vendor record');
  });
  return {
    logger,
    metrics,
    secrets,
    startDraining: () => {
      draining = true;
    },
    close: () => {
      unsubscribe();
    },
    observer: (event) => {
      metrics.observeUpstream(event);
      outer?.(event);
    },
    yogaOptions: {
      maskedErrors: { maskError: createMaskError(logger) },
      maxRequestBodySize: false,
      logging: yogaLogger(logger),
      cors: corsFor(settings.cors),
    },
    requestIdFor,
    plugins(states, upstream, sharing = {}) {
      circuitStates = states;
      return [
        useOperationalRoutes({ circuitStates: states, metrics: metrics.registry, draining: () => draining, ...(sharing.readiness ? { details: sharing.readiness } : {}) }),
        useResponseSecretScrub(secrets),
        ...(settings.cors.origins.length > 0 ? [useVaryOrigin()] : []),
        useRequestLog({ logger, metrics, trustProxy: settings.trustProxy }),
        useMaskedErrorIds(),
        useRateLimit({
          max: settings.rateLimit.max,
          windowMs: settings.rateLimit.windowMs,
          trustProxy: settings.trustProxy,
          ...(options.rateLimitKey ? { clientKey: options.rateLimitKey } : {}),
          ...(sharing.rateLimiter ? { limiter: sharing.rateLimiter } : {}),
        }),
        useCsrfPrevention(),
        useQueryLimits({
          maxDepth: settings.maxDepth,
          maxAliases: settings.maxAliases,
          maxDirectives: settings.maxDirectives,
          maxTokens: settings.maxTokens,
          maxCost: settings.maxCost,
          introspection: settings.introspection,
          maxUpstreamCalls: settings.maxUpstreamCalls,
          ...(upstream ? { upstream } : {}),
        }),
        useBodyLimit(settings.bodyLimitBytes),
        useVariableErrorCodes(),
      ];
    },
  };
}
