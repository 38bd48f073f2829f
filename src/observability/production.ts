/**
 * Everything "Running in production" adds to a gateway, assembled from the `gateway` settings
 * in one place so createGateway only wires it in: the logger, the metrics and the upstream
 * observer feeding them, Yoga options (masked errors, body limit, Yoga's own logging) and the
 * plugins (health/ready/metrics routes, rate limit, CSRF, request log, query limits).
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { GatewayConfig, GatewaySettings } from '../config.js';
import type { GatewayContext } from '../context.js';
import { useOperationalRoutes } from '../plugins/use-operational-routes.js';
import { useQueryLimits } from '../plugins/use-query-limits.js';
import { useRateLimit } from '../plugins/use-rate-limit.js';
import { useRequestLog } from '../plugins/use-request-log.js';
import type { UpstreamObserver } from '../sources/http.js';
import type { RateLimiter } from '../shared-state/rate-limiter.js';
import type { CircuitState } from '../sources/resilience.js';
import { createLogger, credentialSecrets, yogaLogger, type DestinationStream, type Logger } from './logger.js';
import { createMaskError } from './mask-error.js';
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
    maxRequestBodySize: number;
    logging: YogaLogger;
  };
  /** The id for this request's context (the same one the log line and masked errors carry). */
  requestIdFor(request: Request): string;
  /** Registered first: routes and refusals come before any parsing. */
  plugins(circuitStates: () => Record<string, CircuitState>, sharing?: ProductionSharing): (Plugin | Plugin<GatewayContext>)[];
}

export function createProduction(options: ProductionOptions): Production {
  const { settings } = options;
  const logger = createLogger({
    // Library use (tests, embedding) stays quiet unless given somewhere to log.
    level: options.logDestination ? settings.logLevel : settings.logLevel === 'silent' ? 'silent' : 'error',
    secrets: credentialSecrets(options.config),
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  let circuitStates: () => Record<string, CircuitState> = () => ({});
  const metrics = createGatewayMetrics({ circuitStates: () => circuitStates() });
  const outer = options.observer;
  return {
    logger,
    metrics,
    observer: (event) => {
      metrics.observeUpstream(event);
      outer?.(event);
    },
    yogaOptions: {
      maskedErrors: { maskError: createMaskError(logger) },
      maxRequestBodySize: settings.bodyLimitBytes,
      logging: yogaLogger(logger),
    },
    requestIdFor,
    plugins(states, sharing = {}) {
      circuitStates = states;
      return [
        useOperationalRoutes({ circuitStates: states, metrics: metrics.registry, ...(sharing.readiness ? { details: sharing.readiness } : {}) }),
        useRequestLog({ logger, metrics, trustProxy: settings.trustProxy }),
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
        }),
      ];
    },
  };
}
