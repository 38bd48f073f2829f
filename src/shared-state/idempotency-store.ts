/**
 * Idempotency keys in Redis, so a mutation retried on another replica returns the first
 * outcome instead of writing again. `setIfAbsent` is `SET NX PX`: atomic across replicas. The
 * stored outcome is JSON with dates marked, read back as the same payload. While Redis is away
 * keys are kept in this process (the in-memory store), so a retry to the same replica is still
 * safe.
 */
import { createHash } from 'node:crypto';
import { createMemoryIdempotencyStore, type IdempotencyRecord, type IdempotencyStore } from '../schema/idempotency-store.js';
import { parseWithDates, stringifyWithDates } from './json-with-dates.js';
import type { RedisConnection } from './redis-connection.js';

export function createRedisIdempotencyStore<T = unknown>(redis: RedisConnection): IdempotencyStore<T> {
  const local = createMemoryIdempotencyStore<T>();
  // Keys hold the caller's name and their own key: hashed, so neither sits in Redis in clear.
  const keyOf = (key: string) => `${redis.prefix}idem:${createHash('sha256').update(key).digest('base64url')}`;
  const shared = async <R>(remote: () => Promise<R>, fallback: () => Promise<R>): Promise<R> => {
    if (!redis.available()) return fallback();
    try {
      return await remote();
    } catch {
      return fallback();
    }
  };
  return {
    get: (key) =>
      shared(
        async () => {
          const text = await redis.client.get(keyOf(key));
          return text === null ? undefined : (parseWithDates<IdempotencyRecord<T>>(text));
        },
        () => local.get(key),
      ),
    setIfAbsent: (key, record, ttlMs) =>
      shared(
        async () => (await redis.client.set(keyOf(key), stringifyWithDates(record), 'PX', ttlMs, 'NX')) === 'OK',
        () => local.setIfAbsent(key, record, ttlMs),
      ),
    set: (key, record, ttlMs) =>
      shared(
        async () => {
          await redis.client.set(keyOf(key), stringifyWithDates(record), 'PX', ttlMs);
        },
        () => local.set(key, record, ttlMs),
      ),
    delete: (key) =>
      shared(
        async () => {
          await redis.client.del(keyOf(key));
        },
        () => local.delete(key),
      ),
  };
}
