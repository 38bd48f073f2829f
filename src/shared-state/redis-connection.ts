/**
 * The one Redis connection a gateway replica shares state through (`gateway.redis`). Commands
 * fail fast while Redis is away (no offline queue): every user of it has a local fallback, so a
 * Redis outage costs sharing, never a request. ioredis reconnects by itself; each change of
 * availability is one warning/info log line and a gauge.
 */
import { Redis } from 'ioredis';

export interface RedisSettings {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` */
  url: string;
  /** Prefix of every key this gateway writes, so several deployments can share one Redis. */
  keyPrefix: string;
}

export interface RedisConnection {
  readonly client: Redis;
  /** The key prefix, to build keys with (the client does not add it: Lua scripts need whole keys). */
  readonly prefix: string;
  /** Whether the last command round-trip worked (or the connection is ready). */
  available(): boolean;
  /** Told on every change of availability. */
  onAvailability(listener: (available: boolean) => void): () => void;
  close(): Promise<void>;
}

export interface RedisConnectionOptions extends RedisSettings {
  /** For the availability lines; nothing about keys or values is ever logged. */
  log?: { warn(message: string): void; info(message: string): void };
}

export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const client = new Redis(options.url, {
    // Fail fast while disconnected: callers fall back to local state instead of waiting.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    // Forever, backing off to 2 s: Redis coming back is picked up without a restart.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
    lazyConnect: false,
  });
  let up = false;
  const listeners = new Set<(available: boolean) => void>();
  const set = (next: boolean) => {
    if (next === up) return;
    up = next;
    if (next) options.log?.info('redis available: shared state in use');
    else options.log?.warn('redis unavailable: serving with local fallbacks until it returns');
    for (const listener of listeners) listener(next);
  };
  client.on('ready', () => set(true));
  client.on('end', () => set(false));
  client.on('close', () => set(false));
  // Without a listener ioredis prints every connection error; the availability line says it once.
  client.on('error', () => set(false));
  return {
    client,
    prefix: options.keyPrefix,
    available: () => up,
    onAvailability(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      client.disconnect(false);
    },
  };
}
