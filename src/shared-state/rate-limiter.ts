/**
 * Fixed-window request counting per client, in memory or — with `gateway.redis` — in Redis so
 * the limit is global across replicas (rate-limiter-flexible, the library most Node gateways
 * use for it). While Redis is away the Redis limiter falls back to an in-memory one of the
 * same size (its "insurance"): each replica then limits on its own until Redis returns.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisConnection } from './redis-connection.js';

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the client's window resets (at least 1 when refused). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  consume(client: string): Promise<RateLimitVerdict>;
}

export interface RateLimiterOptions {
  max: number;
  windowMs: number;
  /** Shared counters; memory only when absent. */
  redis?: RedisConnection;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  // rate-limiter-flexible counts in whole seconds.
  const duration = Math.max(1, Math.ceil(options.windowMs / 1000));
  const memory = new RateLimiterMemory({ points: options.max, duration });
  const limiter = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis.client,
        keyPrefix: `${options.redis.prefix}rl`,
        points: options.max,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points: options.max, duration }),
      })
    : memory;
  return {
    async consume(client) {
      try {
        const result = await limiter.consume(client, 1);
        return { allowed: true, retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000) };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        // A store failure the insurance limiter could not absorb: never refuse a caller for it.
        return { allowed: true, retryAfterSeconds: 0 };
      }
    },
  };
}
