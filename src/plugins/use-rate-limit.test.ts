import { createYoga, createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { clientAddress, useRateLimit } from './use-rate-limit.js';

function yogaWith(options: Parameters<typeof useRateLimit>[0]) {
  return createYoga({
    schema: createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
    plugins: [useRateLimit(options)],
    logging: false,
  });
}

const ask = (yoga: ReturnType<typeof yogaWith>, client: string) =>
  yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ query: '{ ok }' }),
  });

describe('useRateLimit', () => {
  it('allows max per window per client, answers 429 with Retry-After, and opens again in the next window', async () => {
    let now = 1_000_000;
    const yoga = yogaWith({ max: 2, windowMs: 10_000, trustProxy: 1, now: () => now });
    expect((await ask(yoga, 'a')).status).toBe(200);
    now += 4_000;
    expect((await ask(yoga, 'a')).status).toBe(200);
    const limited = await ask(yoga, 'a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(await limited.json()).toEqual({ errors: [{ message: 'Too many requests; retry in 6s', extensions: { code: 'RATE_LIMITED', retryAfter: 6 } }] });
    expect((await ask(yoga, 'b')).status).toBe(200);
    now += 6_000;
    expect((await ask(yoga, 'a')).status).toBe(200);
  });

  it('forgets the oldest clients when too many are tracked, so memory stays bounded', async () => {
    const now = 5_000;
    const yoga = yogaWith({ max: 1, windowMs: 60_000, trustProxy: 1, maxClients: 10, now: () => now });
    expect((await ask(yoga, 'first')).status).toBe(200);
    expect((await ask(yoga, 'first')).status).toBe(429);
    for (let i = 0; i < 20; i++) await ask(yoga, `spoofed-${i}`);
    // `first` was forgotten: a fresh window (the cost of a bound, documented in the README).
    expect((await ask(yoga, 'first')).status).toBe(200);
  });

  it('takes the client from the socket unless proxies are trusted, then counts hops from the right', () => {
    // The client wrote "198.51.100.66"; proxy 1 appended the client's real address, proxy 2 proxy 1's.
    const request = new Request('http://localhost/graphql', { headers: { 'x-forwarded-for': '198.51.100.66, 203.0.113.7, 10.0.0.1' } });
    const serverContext = { req: { socket: { remoteAddress: '10.0.0.2' } } };
    expect(clientAddress(request, serverContext, 0)).toBe('10.0.0.2');
    expect(clientAddress(request, serverContext, 1)).toBe('10.0.0.1');
    expect(clientAddress(request, serverContext, 2)).toBe('203.0.113.7');
    // More hops than entries: the leftmost, as Express does.
    expect(clientAddress(request, serverContext, 5)).toBe('198.51.100.66');
    expect(clientAddress(new Request('http://localhost/'), {}, 1)).toBe('unknown');
  });
});
