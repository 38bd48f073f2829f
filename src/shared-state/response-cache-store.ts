/**
 * Where cached query results live: in Redis when `gateway.redis` is set (shared by every
 * replica, so a mutation on one invalidates the others), else in a bounded in-process map.
 * Entries carry tags (the source keys the result read from); invalidating a tag drops every
 * entry holding it. While Redis is away nothing is cached or served from cache (misses only):
 * a stale answer is worse than a slower one; invalidations made meanwhile are replayed the
 * moment it returns, so what it held from before cannot be served stale.
 */
import type { RedisConnection } from './redis-connection.js';

export interface ResponseCacheStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, tags: readonly string[], ttlMs: number): Promise<void>;
  invalidate(tags: readonly string[]): Promise<void>;
}

export function createMemoryResponseCacheStore(options: { maxEntries?: number; now?: () => number } = {}): ResponseCacheStore {
  const max = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: string; expiresAt: number; tags: readonly string[] }>();
  const byTag = new Map<string, Set<string>>();
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const tag of entry.tags) byTag.get(tag)?.delete(key);
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        drop(key);
        return null;
      }
      return entry.value;
    },
    async set(key, value, tags, ttlMs) {
      drop(key);
      while (entries.size >= max) drop(entries.keys().next().value as string);
      entries.set(key, { value, expiresAt: now() + ttlMs, tags });
      for (const tag of tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    },
    async invalidate(tags) {
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) drop(key);
        byTag.delete(tag);
      }
    },
  };
}

// Drops every entry of every tag given in KEYS, then the tag sets themselves, atomically.
const INVALIDATE_SCRIPT = `
for _, tag in ipairs(KEYS) do
  local members = redis.call('SMEMBERS', tag)
  for _, member in ipairs(members) do redis.call('DEL', member) end
  redis.call('DEL', tag)
end
return 1`;

export function createRedisResponseCacheStore(redis: RedisConnection): ResponseCacheStore {
  const entryKey = (key: string) => `${redis.prefix}rc:e:${key}`;
  const tagKey = (tag: string) => `${redis.prefix}rc:t:${tag}`;
  const pending = new Set<string>();
  const invalidate = async (tags: readonly string[]) => {
    if (tags.length === 0) return;
    try {
      if (!redis.available()) throw new Error('redis unavailable');
      await redis.client.eval(INVALIDATE_SCRIPT, tags.length, ...tags.map(tagKey));
    } catch {
      for (const tag of tags) pending.add(tag);
    }
  };
  redis.onAvailability((available) => {
    if (!available || pending.size === 0) return;
    const tags = [...pending];
    pending.clear();
    void invalidate(tags);
  });
  return {
    async get(key) {
      // Invalidations still to replay: whatever Redis holds may be stale.
      if (!redis.available() || pending.size > 0) return null;
      try {
        return await redis.client.get(entryKey(key));
      } catch {
        return null;
      }
    },
    async set(key, value, tags, ttlMs) {
      if (!redis.available()) return;
      const multi = redis.client.multi().set(entryKey(key), value, 'PX', ttlMs);
      // A tag set outlives its entries a little; members that expired are simply DEL'd for nothing.
      for (const tag of tags) multi.sadd(tagKey(tag), entryKey(key)).pexpire(tagKey(tag), ttlMs * 2);
      try {
        await multi.exec();
      } catch {
        // Not cached: the next request asks the sources again.
      }
    },
    invalidate,
  };
}
