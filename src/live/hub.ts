/**
 * Live ticket events for every subscriber of this replica. Upstream load is independent of the
 * number of subscribers: one poller per source, running only while someone subscribes to that
 * source. With shared state (Redis), one replica polls each source — whoever holds that
 * source's lease, which expires and moves on when its holder dies — and events reach
 * subscribers on every replica through Redis pub/sub (@graphql-yoga/redis-event-target).
 */
import { randomUUID } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { SourceAdapter } from '../sources/adapter.js';
import type { RedisConnection } from '../shared-state/redis-connection.js';
import { createMemoryEventLog, createRedisEventLog, type EventLog } from './event-log.js';
import { createPoller, type Poller } from './poller.js';
import { deserializeEvent, serializeEvent, type NewTicketEvent, type TicketEvent } from './ticket-event.js';

import { DEFAULT_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS } from './intervals.js';

export interface LiveHubOptions {
  adapters: readonly SourceAdapter[];
  /** Per source key; DEFAULT_POLL_INTERVAL_MS when absent. */
  pollIntervalMs?: Readonly<Record<string, number>>;
  redis?: { connection: RedisConnection; url: string } | null;
  log?: { warn(fields: object, message: string): void };
  /** Events kept per source for reconnecting clients. @default 1000 / 10 minutes */
  replay?: { maxEvents: number; maxAgeMs: number };
}

export type EventListener = (event: TicketEvent) => void;

export interface LiveHub {
  /** Starts (or joins) the pollers of these sources; `listener` gets every event of them. */
  listen(sourceKeys: readonly string[], listener: EventListener): () => void;
  /** A source's events after `sequence`, or `expired`. */
  replay(sourceKey: string, sequence: number): Promise<TicketEvent[] | 'expired'>;
  /** The gateway's own writes: published at once, and not reported again by the next poll. */
  publish(event: NewTicketEvent): Promise<void>;
  /** Sources this replica is polling right now. */
  polling(): string[];
  close(): Promise<void>;
}

interface SourceLoop {
  adapter: SourceAdapter;
  poller: Poller;
  /** Whether this replica polled at the last tick (a new lease means a fresh poller that resumes). */
  holding: boolean;
  listeners: Set<EventListener>;
  timer: NodeJS.Timeout | null;
  running: boolean;
}

const CHANNEL = 'ticket-events';

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const replica = randomUUID();
  const replay = options.replay ?? { maxEvents: 1_000, maxAgeMs: 10 * 60_000 };
  const shared = options.redis ?? null;
  const log: EventLog = shared ? createRedisEventLog(shared.connection, replay) : createMemoryEventLog(replay);
  const loops = new Map<string, SourceLoop>();
  const byKey = new Map(options.adapters.map((a) => [a.key, a]));
  const intervalOf = (key: string) => Math.max(MIN_POLL_INTERVAL_MS, options.pollIntervalMs?.[key] ?? DEFAULT_POLL_INTERVAL_MS);

  const deliver = (event: TicketEvent) => {
    for (const listener of loops.get(event.sourceKey)?.listeners ?? []) listener(event);
  };

  // Across replicas: every replica with subscribers (this one included) hears every event on
  // the channel. The subscribing connection opens with the first local subscriber, not at start.
  const channel = `${shared?.connection.prefix ?? ''}${CHANNEL}`;
  let subscriber: Redis | null = null;
  let target: ReturnType<typeof createRedisEventTarget<CustomEvent<string>>> | null = null;
  const hearOtherReplicas = () => {
    if (!shared || target) return;
    subscriber = new Redis(shared.url, { retryStrategy: (times) => Math.min(times * 100, 2_000), maxRetriesPerRequest: null });
    subscriber.on('error', () => undefined);
    target = createRedisEventTarget<CustomEvent<string>>({
      publishClient: shared.connection.client,
      subscribeClient: subscriber,
      serializer: { stringify: (message) => String(message), parse: (message) => message },
    });
    target.addEventListener(channel, (event) => deliver(deserializeEvent(event.detail)));
  };

  const emit = async (event: NewTicketEvent) => {
    const numbered = await log.append(event);
    if (shared?.connection.available()) {
      try {
        await shared.connection.client.publish(channel, serializeEvent(numbered));
        // Our own subscribers hear it on the channel like everyone else's.
        if (target) return;
      } catch {
        // Redis went away between the check and the publish: at least this replica hears it.
      }
    }
    deliver(numbered);
  };

  const leaseKey = (key: string) => `${shared?.connection.prefix ?? ''}poll-lease:${key}`;
  /** Whether this replica polls `key` now: always without Redis; with it, while holding the lease. */
  const holdsLease = async (key: string): Promise<boolean> => {
    if (!shared) return true;
    const ttl = Math.max(3 * intervalOf(key), 3_000);
    const client = shared.connection.client;
    try {
      // Take a free lease, or extend our own; someone else's is left alone until it expires.
      const result = await client.eval(
        `local holder = redis.call('GET', KEYS[1])
         if holder == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
         if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
         return 0`,
        1,
        leaseKey(key),
        replica,
        String(ttl),
      );
      return result === 1;
    } catch {
      // Redis is away: no lease can be proven, so poll locally rather than go dark.
      return !shared.connection.available();
    }
  };
  const releaseLease = async (key: string) => {
    if (!shared) return;
    await shared.connection.client
      .eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, leaseKey(key), replica)
      .catch(() => undefined);
  };

  const tick = async (loop: SourceLoop) => {
    if (!loop.running) return;
    try {
      if (await holdsLease(loop.adapter.key)) {
        // Taking over (first tick, or after another replica polled): start from where the last
        // poller of this source stopped, so what was created meanwhile is still reported.
        if (!loop.holding && shared) loop.poller = newPoller(loop.adapter);
        loop.holding = true;
        polling.add(loop.adapter.key);
        await loop.poller.poll();
      } else {
        loop.holding = false;
        polling.delete(loop.adapter.key);
      }
    } finally {
      if (loop.running) loop.timer = setTimeout(() => void tick(loop), intervalOf(loop.adapter.key));
    }
  };
  const polling = new Set<string>();

  const stateKey = (key: string) => `${shared?.connection.prefix ?? ''}poll-state:${key}`;
  const newPoller = (adapter: SourceAdapter): Poller =>
    createPoller({
      adapter,
      onEvents: async (events) => {
        for (const event of events) await emit(event);
      },
      onError: (error) => options.log?.warn({ source: adapter.key, err: error instanceof Error ? error.message : String(error) }, 'live poll failed; retried at the next interval'),
      ...(shared
        ? {
            resume: async () => {
              const stored = await shared.connection.client.get(stateKey(adapter.key));
              return stored === null ? null : Number(stored);
            },
            onPolled: (newest: number) => {
              shared.connection.client.set(stateKey(adapter.key), String(newest), 'PX', replay.maxAgeMs).catch(() => undefined);
            },
          }
        : {}),
    });

  const loopFor = (key: string): SourceLoop | null => {
    let loop = loops.get(key);
    if (loop) return loop;
    const adapter = byKey.get(key);
    if (!adapter) return null;
    loop = { adapter, poller: newPoller(adapter), holding: false, listeners: new Set(), timer: null, running: false };
    loops.set(key, loop);
    return loop;
  };

  return {
    listen(sourceKeys, listener) {
      hearOtherReplicas();
      const joined: SourceLoop[] = [];
      for (const key of sourceKeys) {
        const loop = loopFor(key);
        if (!loop) continue;
        loop.listeners.add(listener);
        joined.push(loop);
        if (!loop.running) {
          loop.running = true;
          // Background work, not part of the (traced) subscribe that happened to start it: its
          // calls carry no request signal, so no trace (and no caller's scope).
          void tick(loop);
        }
      }
      return () => {
        for (const loop of joined) {
          loop.listeners.delete(listener);
          if (loop.listeners.size > 0) continue;
          loop.running = false;
          if (loop.timer) clearTimeout(loop.timer);
          loop.timer = null;
          polling.delete(loop.adapter.key);
          void releaseLease(loop.adapter.key);
        }
      };
    },
    replay: (key, sequence) => log.since(key, sequence),
    async publish(event) {
      loops.get(event.sourceKey)?.poller.remember(event.ticket);
      await emit(event);
    },
    polling: () => [...polling],
    async close() {
      for (const loop of loops.values()) {
        loop.running = false;
        if (loop.timer) clearTimeout(loop.timer);
        loop.listeners.clear();
        await releaseLease(loop.adapter.key);
      }
      loops.clear();
      subscriber?.disconnect(false);
    },
  };
}
