/**
 * Registered persisted queries shared through Redis, so a query registered on one replica
 * runs by hash on every other. A small local LRU sits in front (a hash's text never changes:
 * it is the sha256 of that text, checked at registration). Without Redis, or while it is
 * away, the local store alone answers: a client that gets PersistedQueryNotFound simply
 * registers again, as APQ clients do.
 */
import type { PersistedQueryStore } from '../plugins/use-persisted-queries.js';
import type { RedisConnection } from './redis-connection.js';

/** Registered queries are kept this long after their last registration. */
const TTL_SECONDS = 30 * 24 * 3600;

export function sharedPersistedQueryStore(local: PersistedQueryStore, redis: RedisConnection): PersistedQueryStore {
  const key = (hash: string) => `${redis.prefix}pq:${hash}`;
  return {
    get(hash) {
      const known = local.get(hash);
      if (known !== null || !redis.available()) return known;
      return redis.client.get(key(hash)).then(
        (text) => {
          if (text !== null) local.register(hash, text);
          return text;
        },
        () => null,
      );
    },
    register(hash, text) {
      local.register(hash, text);
      if (redis.available()) redis.client.set(key(hash), text, 'EX', TTL_SECONDS).catch(() => undefined);
    },
    get size() {
      return local.size;
    },
  };
}
