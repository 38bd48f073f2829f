/**
 * Where idempotency keys live between requests. An interface so a shared store (Redis, for
 * several gateway replicas) can replace the in-memory one: `setIfAbsent` is the only operation
 * that must be atomic (Redis: `SET key value NX PX ttl`).
 */

/** A key's state: the write is still running (`pending`) or finished with `outcome`. */
export type IdempotencyRecord<T> =
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; outcome: T };

export interface IdempotencyStore<T = unknown> {
  get(key: string): Promise<IdempotencyRecord<T> | undefined>;
  /** Stores `record` unless the key holds an unexpired one; true when it stored it. */
  setIfAbsent(key: string, record: IdempotencyRecord<T>, ttlMs: number): Promise<boolean>;
  set(key: string, record: IdempotencyRecord<T>, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MemoryIdempotencyStoreOptions {
  /** Keys kept at most; the oldest go first. @default 10000 */
  maxEntries?: number;
  /** Injected so tests can move time. @default Date.now */
  now?: () => number;
}

/**
 * One process's keys. Bounded: past `maxEntries` the oldest key is dropped (a retry after that
 * writes again, as it would after the window), so a flood of keys cannot exhaust memory.
 */
export function createMemoryIdempotencyStore<T = unknown>(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore<T> {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { record: IdempotencyRecord<T>; expiresAt: number }>();

  function live(key: string) {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function put(key: string, record: IdempotencyRecord<T>, ttlMs: number) {
    entries.delete(key);
    entries.set(key, { record, expiresAt: now() + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  }

  return {
    get: async (key) => live(key)?.record,
    async setIfAbsent(key, record, ttlMs) {
      if (live(key)) return false;
      put(key, record, ttlMs);
      return true;
    },
    async set(key, record, ttlMs) {
      put(key, record, ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
