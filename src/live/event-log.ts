/**
 * Each source's recent events, numbered, so a reconnecting client gets what it missed: the last
 * `maxEvents` events per source, no older than `maxAgeMs`. In Redis when shared state is
 * configured (numbers from INCR, so every replica agrees on them), else in memory.
 */
import type { RedisConnection } from '../shared-state/redis-connection.js';
import { deserializeEvent, serializeEvent, type NewTicketEvent, type TicketEvent } from './ticket-event.js';

export interface EventLog {
  append(event: NewTicketEvent): Promise<TicketEvent>;
  /** Events of one source after `sequence`, oldest first; `expired` when some were already dropped. */
  since(sourceKey: string, sequence: number): Promise<TicketEvent[] | 'expired'>;
}

export interface EventLogLimits {
  maxEvents: number;
  maxAgeMs: number;
  now?: () => number;
}

export function createMemoryEventLog(limits: EventLogLimits): EventLog {
  const now = limits.now ?? Date.now;
  const logs = new Map<string, { next: number; events: TicketEvent[] }>();
  const logOf = (key: string) => {
    let log = logs.get(key);
    if (!log) logs.set(key, (log = { next: 1, events: [] }));
    return log;
  };
  const trim = (log: { events: TicketEvent[] }) => {
    const oldest = now() - limits.maxAgeMs;
    while (log.events.length > limits.maxEvents || (log.events[0] && log.events[0].at.getTime() < oldest)) log.events.shift();
  };
  return {
    async append(event) {
      const log = logOf(event.sourceKey);
      const numbered: TicketEvent = { ...event, sequence: log.next++ };
      log.events.push(numbered);
      trim(log);
      return numbered;
    },
    async since(sourceKey, sequence) {
      const log = logOf(sourceKey);
      trim(log);
      const first = log.events[0]?.sequence ?? log.next;
      if (sequence + 1 < first) return 'expired';
      return log.events.filter((e) => e.sequence > sequence);
    },
  };
}

export function createRedisEventLog(redis: RedisConnection, limits: EventLogLimits): EventLog {
  const seqKey = (source: string) => `${redis.prefix}ev:seq:${source}`;
  const listKey = (source: string) => `${redis.prefix}ev:log:${source}`;
  const memory = createMemoryEventLog(limits);
  return {
    async append(event) {
      if (!redis.available()) return memory.append(event);
      try {
        const sequence = await redis.client.incr(seqKey(event.sourceKey));
        const numbered: TicketEvent = { ...event, sequence };
        await redis.client
          .multi()
          .lpush(listKey(event.sourceKey), serializeEvent(numbered))
          .ltrim(listKey(event.sourceKey), 0, limits.maxEvents - 1)
          .pexpire(listKey(event.sourceKey), limits.maxAgeMs)
          .exec();
        return numbered;
      } catch {
        return memory.append(event);
      }
    },
    async since(sourceKey, sequence) {
      try {
        const [last, texts] = await Promise.all([redis.client.get(seqKey(sourceKey)), redis.client.lrange(listKey(sourceKey), 0, -1)]);
        const events = texts.map(deserializeEvent).reverse();
        const oldestKept = now() - limits.maxAgeMs;
        const kept = events.filter((e) => e.at.getTime() >= oldestKept);
        const first = kept[0]?.sequence ?? Number(last ?? 0) + 1;
        if (sequence + 1 < first) return 'expired';
        return kept.filter((e) => e.sequence > sequence);
      } catch {
        return 'expired';
      }
    },
  };
  function now() {
    return (limits.now ?? Date.now)();
  }
}
