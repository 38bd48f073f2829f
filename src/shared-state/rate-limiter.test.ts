import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test/support/redis-server.js';
import { createRateLimiter } from './rate-limiter.js';
import { createRedisConnection, type RedisConnection } from './redis-connection.js';
import { until } from '../../test/support/until.js';


describe('rate limiter', () => {
  let redis: RedisServer;
  const connections: RedisConnection[] = [];
  const connect = () => {
    const connection = createRedisConnection({ url: redis.url, keyPrefix: `t${Math.random().toString(36).slice(2)}:` });
    connections.push(connection);
    return connection;
  };
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await redis.close();
  });

  it('counts in memory per process without Redis', async () => {
    const a = createRateLimiter({ max: 2, windowMs: 60_000 });
    const b = createRateLimiter({ max: 2, windowMs: 60_000 });
    expect((await a.consume('c')).allowed).toBe(true);
    expect((await a.consume('c')).allowed).toBe(true);
    const third = await a.consume('c');
    expect(third).toMatchObject({ allowed: false });
    expect(third.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await b.consume('c')).allowed).toBe(true);
    expect((await a.consume('other')).allowed).toBe(true);
  });

  it('counts across replicas sharing one Redis, and keeps serving while Redis is down', async () => {
    const shared = connect();
    await until(() => shared.available());
    const prefix = shared.prefix;
    const replica1 = createRateLimiter({ max: 3, windowMs: 60_000, redis: shared });
    const other = createRedisConnection({ url: redis.url, keyPrefix: prefix });
    connections.push(other);
    await until(() => other.available());
    const replica2 = createRateLimiter({ max: 3, windowMs: 60_000, redis: other });
    expect((await replica1.consume('sub-1')).allowed).toBe(true);
    expect((await replica2.consume('sub-1')).allowed).toBe(true);
    expect((await replica1.consume('sub-1')).allowed).toBe(true);
    expect((await replica2.consume('sub-1')).allowed).toBe(false);
    expect((await replica1.consume('sub-1')).allowed).toBe(false);

    await redis.kill();
    await until(() => !shared.available());
    // Local insurance: requests are still answered (allowed up to the local limit).
    expect((await replica1.consume('sub-2')).allowed).toBe(true);

    await redis.start();
    await until(() => shared.available() && other.available(), 10_000);
    expect((await replica1.consume('sub-3')).allowed).toBe(true);
    expect((await replica2.consume('sub-3')).allowed).toBe(true);
    expect((await replica1.consume('sub-3')).allowed).toBe(true);
    expect((await replica2.consume('sub-3')).allowed).toBe(false);
  });

  it('reserves requests from Redis a few at a time, never handing out more than the limit across replicas', async () => {
    const prefix = `b${Math.random().toString(36).slice(2)}:`;
    const [one, two] = [0, 1].map(() => {
      const connection = createRedisConnection({ url: redis.url, keyPrefix: prefix });
      connections.push(connection);
      return connection;
    }) as [RedisConnection, RedisConnection];
    await until(() => one.available() && two.available());
    const replicas = [createRateLimiter({ max: 20, windowMs: 60_000, redis: one, batch: 4 }), createRateLimiter({ max: 20, windowMs: 60_000, redis: two, batch: 4 })];
    let allowed = 0;
    for (let i = 0; i < 40; i++) if ((await replicas[i % 2]!.consume('client')).allowed) allowed++;
    // At most the limit together; at most batch - 1 per replica left unused.
    expect(allowed).toBeLessThanOrEqual(20);
    expect(allowed).toBeGreaterThanOrEqual(20 - 2 * 3);
    // Reservations, not requests, reach Redis: the window's counter moved in steps of 4.
    const reserved = Number(await one.client.get(`${prefix}rl:client`));
    expect(reserved % 4).toBe(0);
    expect(reserved).toBeLessThanOrEqual(20 + 2 * 4);
  });
});
