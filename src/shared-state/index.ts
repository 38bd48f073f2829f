/**
 * What `gateway.redis` and `gateway.responseCache` add to one gateway replica, assembled in one
 * place: the Redis connection (with its availability gauge), the rate limiter, the shared
 * persisted-query store and the response cache store. Without `redis` every piece is local to
 * the process, as before.
 */
import { Gauge, type Registry } from 'prom-client';
import type { GatewaySettings } from '../settings.js';
import type { PersistedQueryStore } from '../plugins/use-persisted-queries.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { createRedisConnection, type RedisConnection } from './redis-connection.js';
import { createMemoryResponseCacheStore, createRedisResponseCacheStore, type ResponseCacheStore } from './response-cache-store.js';
import { sharedPersistedQueryStore } from './persisted-query-store.js';

export interface SharedState {
  redis: RedisConnection | null;
  rateLimiter: RateLimiter | undefined;
  responseCache: { store: ResponseCacheStore; ttlMs: number } | null;
  /** The persisted-query store, shared through Redis when configured. */
  persistedQueries(local: PersistedQueryStore): PersistedQueryStore;
  /** For the `/ready` body: whether shared state is in use right now. */
  readiness(): Record<string, unknown>;
  close(): Promise<void>;
}

export function createSharedState(options: {
  settings: GatewaySettings;
  registry: Registry;
  log: { warn(message: string): void; info(message: string): void };
}): SharedState {
  const { settings } = options;
  const url = settings.redis?.url;
  const redis = settings.redis && typeof url === 'string' ? createRedisConnection({ url, keyPrefix: settings.redis.keyPrefix, log: options.log }) : null;
  if (redis) {
    const gauge = new Gauge({
      name: 'ticketgraph_redis_up',
      help: '1 while the shared-state Redis answers, 0 while this replica serves on local fallbacks.',
      registers: [options.registry],
    });
    gauge.set(0);
    redis.onAvailability((available) => gauge.set(available ? 1 : 0));
  }
  const cache = settings.responseCache;
  return {
    redis,
    // Without Redis the plugin's own in-process windows are the cheaper path.
    rateLimiter: redis ? createRateLimiter({ max: settings.rateLimit.max, windowMs: settings.rateLimit.windowMs, redis }) : undefined,
    responseCache: cache
      ? { store: redis ? createRedisResponseCacheStore(redis) : createMemoryResponseCacheStore({ maxEntries: cache.maxEntries }), ttlMs: cache.ttlMs }
      : null,
    persistedQueries: (local) => (redis ? sharedPersistedQueryStore(local, redis) : local),
    readiness: () => (redis ? { redis: redis.available() ? 'up' : 'down (local fallbacks)' } : {}),
    close: async () => {
      await redis?.close();
    },
  };
}
