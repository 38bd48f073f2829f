/**
 * Fixed-window request counting per client, in memory or — with `gateway.redis` — in Redis so
 * the limit is global across replicas.
 *
 * In Redis, a replica does not pay a round trip per request: it reserves a few requests of a
 * client's window at a time (`INCRBY`, atomic, so replicas never hand out more than `max`
 * together) and spends them locally; once Redis says the window is used up, the replica
 * refuses that client locally until the window ends. The price: a replica may hold up to
 * `batch - 1` reserved requests it never uses, so a client can be refused that many requests
 * early per replica (never late). While Redis is away each replica counts on its own (the
 * in-memory windows), and shares again when it returns.
 */
import type { RedisConnection } from './redis-connection.js';

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the client's window resets (at least 1 when refused). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Synchronous when the verdict needs no round trip (tokens this replica already holds). */
  consume(client: string): RateLimitVerdict | Promise<RateLimitVerdict>;
}

export interface RateLimiterOptions {
  max: number;
  windowMs: number;
  /** Shared counters; memory only when absent. */
  redis?: RedisConnection;
  /** Requests reserved from Redis at a time. @default max / 50 (at most 2% of the limit per replica), between 1 and 256 */
  batch?: number;
  now?: () => number;
}

/** Reserves `ARGV[1]` requests of the window in KEYS[1]: the total reserved so far and the ms left. */
const RESERVE_SCRIPT = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if total == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) ttl = tonumber(ARGV[2]) end
return { total, ttl }`;

/** Local state per client is forgotten past this many clients (the oldest first). */
const MAX_LOCAL_CLIENTS = 100_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const memory = createMemoryRateLimiter(options);
  const redis = options.redis;
  if (!redis) return memory;
  const now = options.now ?? Date.now;
  const batch = Math.max(1, Math.min(options.batch ?? Math.floor(options.max / 50), 256, options.max));
  const local = new Map<string, { tokens: number; windowEnd: number }>();
  const key = (client: string) => `${redis.prefix}rl:${client}`;

  const reserve = async (client: string, at: number): Promise<RateLimitVerdict> => {
    if (!redis.available()) return memory.consume(client);
    let reserved: [number, number];
    try {
      reserved = (await redis.client.eval(RESERVE_SCRIPT, 1, key(client), String(batch), String(options.windowMs))) as [number, number];
    } catch {
      return memory.consume(client);
    }
    const [total, ttl] = reserved;
    const granted = Math.max(0, Math.min(batch, options.max - (total - batch)));
    local.delete(client);
    if (local.size >= MAX_LOCAL_CLIENTS) local.delete(local.keys().next().value as string);
    // -1 marks "the window is full": refused here without asking Redis again.
    local.set(client, { tokens: granted === 0 ? -1 : granted - 1, windowEnd: at + ttl });
    if (granted === 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    return { allowed: true, retryAfterSeconds: 0 };
  };

  return {
    consume(client) {
      const at = now();
      const held = local.get(client);
      if (held && held.windowEnd > at) {
        if (held.tokens > 0) {
          held.tokens--;
          return { allowed: true, retryAfterSeconds: 0 };
        }
        // Tokens spent: reserve again, unless Redis already said the window is full.
        if (held.tokens < 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((held.windowEnd - at) / 1000)) };
      }
      return reserve(client, at);
    },
  };
}

/**
 * Fixed windows in this process: at most `max` requests per client per `windowMs`. Bounded:
 * past `maxClients` live windows, expired ones go first, then the oldest tenth.
 */
export function createMemoryRateLimiter(options: { max: number; windowMs: number; maxClients?: number; now?: () => number }): RateLimiter & { consume(client: string): RateLimitVerdict } {
  const maxClients = options.maxClients ?? 100_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  const sweep = (at: number) => {
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
    // Still too many live clients (a flood of spoofed addresses): forget the oldest tenth, so
    // the next sweep is that many new clients away.
    if (windows.size >= maxClients) {
      const keep = Math.floor(maxClients * 0.9);
      for (const key of windows.keys()) {
        if (windows.size <= keep) break;
        windows.delete(key);
      }
    }
    nextSweep = at + options.windowMs;
  };
  return {
    consume(client) {
      const at = now();
      if (at >= nextSweep || windows.size >= maxClients) sweep(at);
      let window = windows.get(client);
      if (!window || window.resetAt <= at) {
        window = { count: 0, resetAt: at + options.windowMs };
        windows.set(client, window);
      }
      window.count++;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - at) / 1000));
      return window.count <= options.max ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds };
    },
  };
}
