/**
 * Several replicas on one Redis (a real redis-server): cursors, rate limits, persisted queries
 * and the response cache behave the same whichever replica answers, and Redis going away costs
 * sharing, never a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewaySettings, parseConfig, ConfigError, type GatewayConfig, type GatewaySettings } from '../src/config.js';
import { startEmbeddedEmulators, toConfigDocument, type EmbeddedEmulators } from '../src/embedded.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { listen, type Listening } from '../src/listen.js';
import { sha256Hex } from '../src/plugins/use-persisted-queries.js';
import { startRedisServer, type RedisServer } from './support/redis-server.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './support/until.js';

interface Replica {
  gateway: Gateway;
  listening: Listening;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; json: Body }>;
}
interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let redis: RedisServer;
let emulators: EmbeddedEmulators;
const replicas: Replica[] = [];

async function replica(settings: Partial<GatewaySettings>): Promise<Replica> {
  const config: GatewayConfig = {
    ...structuredClone(emulators.config),
    gateway: gatewaySettings.parse({ cursorSecret: 'a-secret-every-replica-shares', redis: { url: redis.url, keyPrefix: `t${replicas.length > 2 ? 'x' : ''}:` }, ...settings }),
  };
  const gateway = createGateway({ config });
  const listening = await listen(gateway.yoga);
  const started: Replica = {
    gateway,
    listening,
    async post(body, headers = {}) {
      const response = await fetch(`${listening.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, json: (await response.json()) as Body };
    },
  };
  replicas.push(started);
  return started;
}


const redisUp = async (r: Replica) => {
  const response = await fetch(`${r.listening.origin}/ready`);
  return ((await response.json()) as { redis?: string }).redis === 'up';
};

beforeAll(async () => {
  redis = await startRedisServer();
  emulators = await startEmbeddedEmulators({ kinds: ['control-panel', 'huawei-coc'], emulator: { testMode: true, limits: { ticketsPerMinute: 1_000 } } });
});
afterAll(async () => {
  for (const r of replicas) {
    await r.listening.close();
    await r.gateway.close();
  }
  await emulators.close();
  await redis.close();
});

describe('configuration', () => {
  it('refuses redis without a shared cursor secret, naming the field', () => {
    const document = { ...toConfigDocument(emulators.config), gateway: { redis: { url: 'redis://127.0.0.1:6379' } } };
    expect(() => parseConfig(document, {})).toThrow(ConfigError);
    expect(() => parseConfig(document, {})).toThrow(/gateway\.cursorSecret: required when gateway\.redis is set/);
  });
});

describe('replicas sharing one Redis', () => {
  let a: Replica;
  let b: Replica;
  let c: Replica;
  beforeAll(async () => {
    [a, b, c] = (await Promise.all([1, 2, 3].map(() => replica({ responseCache: { ttlMs: 60_000, maxEntries: 100 } })))) as [Replica, Replica, Replica];
    await until(async () => (await redisUp(a)) && (await redisUp(b)) && (await redisUp(c)));
  });

  it('continues a cursor from one replica on another', async () => {
    const query = `query($after: String) { source(key: "cp") { tickets(first: 3, after: $after) { edges { node { number } } pageInfo { endCursor } } } }`;
    type Page = { source: { tickets: { edges: { node: { number: string } }[]; pageInfo: { endCursor: string } } } };
    const first = await a.post({ query, variables: {} });
    const page1 = first.json.data as Page;
    const second = await b.post({ query, variables: { after: page1.source.tickets.pageInfo.endCursor } });
    expect(second.json.errors).toBeUndefined();
    const page2 = second.json.data as Page;
    const numbers = [...page1.source.tickets.edges, ...page2.source.tickets.edges].map((e) => e.node.number);
    expect(new Set(numbers).size).toBe(6);
  });

  it('runs a query registered on one replica by hash on another', async () => {
    const query = `query RegisteredElsewhere { source(key: "cp") { key } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };
    expect((await b.post({ extensions })).json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await a.post({ query, extensions })).json.errors).toBeUndefined();
    const byHash = await b.post({ extensions });
    expect(byHash.json).toEqual({ data: { source: { key: 'cp' } } });
  });

  it('serves a response cached by one replica from another, and a mutation on a third invalidates it', async () => {
    const cp = emulators.byKey('cp').emulator.requests;
    const query = `query CachedList { source(key: "cp") { tickets(first: 5) { totalCount edges { node { number title } } } } }`;
    const before = cp.entries.length;
    const miss = await a.post({ query });
    expect(miss.headers.get('x-ticketgraph-cache')).toBe('miss');
    const afterMiss = cp.entries.length;
    expect(afterMiss).toBeGreaterThan(before);

    const hit = await b.post({ query });
    expect(hit.headers.get('x-ticketgraph-cache')).toBe('hit');
    expect(hit.json).toEqual(miss.json);
    expect(cp.entries.length).toBe(afterMiss);

    const created = await c.post({
      query: `mutation { createTicket(input: { source: "cp", title: "Cache buster", description: "New ticket" }) { ticket { number } } }`,
    });
    const number = (created.json.data as { createTicket: { ticket: { number: string } | null } }).createTicket.ticket?.number;
    expect(number).toBeDefined();

    const fresh = await b.post({ query });
    expect(fresh.headers.get('x-ticketgraph-cache')).toBe('miss');
    const totals = [miss, fresh].map((r) => (r.json.data as { source: { tickets: { totalCount: number } } }).source.tickets.totalCount);
    expect(totals[1]).toBe((totals[0] as number) + 1);
  });

  it('answers a mutation retried on another replica with the first outcome, writing once', async () => {
    const cp = emulators.byKey('cp').emulator.requests;
    const mutation = `mutation($key: String) { createTicket(input: { source: "cp", title: "Once only", description: "d", idempotencyKey: $key }) {
      ticket { number createdAt } userErrors { code } } }`;
    const key = `retry-${Date.now()}`;
    const creates = () => cp.count('POST', '/tickets');
    const before = creates();
    const first = await a.post({ query: mutation, variables: { key } });
    const retried = await b.post({ query: mutation, variables: { key } });
    expect(first.json.errors).toBeUndefined();
    expect(retried.json).toEqual(first.json);
    expect(creates()).toBe(before + 1);
    const changed = await c.post({ query: mutation.replace('Once only', 'Something else'), variables: { key } });
    expect((changed.json.data as { createTicket: { userErrors: { code: string }[] } }).createTicket.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED' }]);
    expect(creates()).toBe(before + 1);
  });

  it('never caches a partial answer', async () => {
    await fetch(`${emulators.byKey('coc').listening.origin}/__emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 500, times: 100 }),
    });
    try {
      const query = `query Partial { tickets(first: 3) { edges { node { number } } sourceErrors { source code } } }`;
      const first = await a.post({ query });
      expect((first.json.data as { tickets: { sourceErrors: unknown[] } }).tickets.sourceErrors).not.toEqual([]);
      const second = await b.post({ query });
      expect(second.headers.get('x-ticketgraph-cache')).not.toBe('hit');
    } finally {
      await fetch(`${emulators.byKey('coc').listening.origin}/__emulator/faults`, { method: 'DELETE' });
    }
  });

  it('answers a cacheable GET with an ETag and 304 for If-None-Match', async () => {
    const query = `query EtagList { source(key: "cp") { key name } }`;
    const url = `${a.listening.origin}/graphql?query=${encodeURIComponent(query)}`;
    const headers = { accept: 'application/json', 'x-graphql-yoga-csrf': '1' };
    await fetch(url, { headers });
    const cached = await fetch(url, { headers });
    expect(cached.status).toBe(200);
    const etag = cached.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(cached.headers.get('cache-control')).toMatch(/max-age=60/);
    await cached.text();
    const notModified = await fetch(url, { headers: { ...headers, 'if-none-match': etag as string } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('keeps answering while Redis is down, says so on /ready, and shares again when it returns', async () => {
    await redis.kill();
    await until(async () => !(await redisUp(a)));
    const ready = await fetch(`${a.listening.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ redis: 'down (local fallbacks)' });
    const metrics = await (await fetch(`${a.listening.origin}/metrics`)).text();
    expect(metrics).toMatch(/^ticketgraph_redis_up 0$/m);

    const during = await Promise.all([a, b, c].map((r) => r.post({ query: `{ source(key: "cp") { tickets(first: 2) { edges { node { number } } } } }` })));
    for (const response of during) {
      expect(response.status).toBe(200);
      expect(response.json.errors).toBeUndefined();
    }

    await redis.start();
    await until(async () => (await redisUp(a)) && (await redisUp(b)));
    const query = `query AfterRestart { source(key: "cp") { tickets(first: 1) { edges { node { number } } } } }`;
    expect((await a.post({ query })).headers.get('x-ticketgraph-cache')).toBe('miss');
    expect((await b.post({ query })).headers.get('x-ticketgraph-cache')).toBe('hit');
  });
});

describe('global rate limit', () => {
  it('counts requests across replicas', async () => {
    const settings = { rateLimit: { max: 4, windowMs: 60_000 } };
    const [x, y] = (await Promise.all([replica(settings), replica(settings)])) as [Replica, Replica];
    await until(async () => (await redisUp(x)) && (await redisUp(y)));
    // /ready is not counted; these four are.
    const statuses: number[] = [];
    for (const r of [x, y, x, y, x, y]) statuses.push((await r.post({ query: '{ __typename }' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

describe('trusted documents', () => {
  it('runs only the listed operations when `only` is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-docs-'));
    const listed = `query Listed { sources { key } }`;
    const file = join(dir, 'persisted-documents.json');
    writeFileSync(file, JSON.stringify({ [sha256Hex(listed)]: listed }));
    const only = await replica({ persistedDocuments: { file, only: true } });
    const ok = await only.post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(listed) } } });
    expect(ok.json.errors).toBeUndefined();
    expect(ok.json.data).toEqual({ sources: [{ key: 'cp' }, { key: 'coc' }] });
    const arbitrary = await only.post({ query: '{ sources { key name } }' });
    expect(arbitrary.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    const register = await only.post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ __typename }') } } });
    expect(register.status).toBe(400);
  });
});
