/**
 * `npm run cluster` as the tests run it: redis-server, the emulators, three gateway replicas
 * (separate processes) and haproxy in front. Everything goes through the load balancer, which
 * spreads consecutive requests over the replicas (round robin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../scripts/cluster/cluster.js';
import { createAtControlPanel, sse, TICKET_EVENTS, until } from './support/live.js';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let cluster: Cluster;
const POLL_MS = 1_000;

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(cluster.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Body };
}

/** Runs `concurrency` request loops (as clients `<client>.<i>-<n>`) while `during` runs; returns every outcome. */
async function underLoad(client: string, concurrency: number, during: () => Promise<void>): Promise<{ status: number; errors: number }[]> {
  const outcomes: { status: number; errors: number }[] = [];
  let running = true;
  let sent = 0;
  const loops = Array.from({ length: concurrency }, async (_, i) => {
    while (running) {
      try {
        // Cache hits make these fast: spread them over many clients so the rate limit never speaks.
        const result = await post(`{ tickets(first: 3, filter: { sources: ["cp", "coc"] }) { edges { node { id } } } }`, {}, { 'x-forwarded-for': `${client}.${i}-${sent++ % 200}` });
        outcomes.push({ status: result.status, errors: result.json.errors?.length ?? 0 });
      } catch {
        outcomes.push({ status: 0, errors: 1 });
      }
    }
  });
  await during();
  running = false;
  await Promise.all(loops);
  return outcomes;
}

beforeAll(async () => {
  // trustProxy 2: the tests play a client-side proxy (X-Forwarded-For) in front of haproxy, for distinct clients.
  cluster = await startCluster({
    gateway: { responseCache: { ttlMs: 30_000 }, rateLimit: { max: 400, windowMs: 60_000 }, trustProxy: 2 },
    sources: { pollIntervalMs: POLL_MS },
    emulator: { limits: { ticketsPerMinute: 1_000 } },
  });
}, 120_000);
afterAll(async () => {
  await cluster?.close();
}, 60_000);

describe('a cluster behind haproxy', () => {
  it('continues a cursor minted by one replica on the next ones', async () => {
    const query = `query($after: String) { tickets(first: 4, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`;
    type Page = { tickets: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result = await post(query, { after }, { 'x-forwarded-for': '10.2.0.1' });
      expect(result.json.errors).toBeUndefined();
      const data = result.json.data as Page;
      ids.push(...data.tickets.edges.map((e) => e.node.id));
      after = data.tickets.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(12);
  });

  it('serves a response cached by one replica from the others; a mutation on another invalidates it everywhere', async () => {
    const query = `query ClusterCache { source(key: "cp") { tickets(first: 3) { totalCount } } }`;
    const headers = { 'x-forwarded-for': '10.3.0.1' };
    const first = await post(query, {}, headers);
    expect(first.headers.get('x-ticketgraph-cache')).toBe('miss');
    const again = [await post(query, {}, headers), await post(query, {}, headers)];
    expect(again.map((r) => r.headers.get('x-ticketgraph-cache'))).toEqual(['hit', 'hit']);
    const created = await post(`mutation { createTicket(input: { source: "cp", title: "From the cluster", description: "Body" }) { ticket { number } } }`, {}, headers);
    expect(created.json.errors).toBeUndefined();
    const after = await post(query, {}, headers);
    expect(after.headers.get('x-ticketgraph-cache')).toBe('miss');
    const total = (r: { json: Body }) => (r.json.data as { source: { tickets: { totalCount: number } } }).source.tickets.totalCount;
    expect(total(after)).toBe(total(first) + 1);
  });

  it('counts the rate limit across replicas', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 405; i++) statuses.push((await post('{ __typename }', {}, { 'x-forwarded-for': '10.4.0.1' })).status);
    // 400 in the window whichever replica answered (with per-process counting it would be 1200);
    // each replica reserves 8 at a time and may leave up to 7 of them unused.
    const allowed = statuses.filter((s) => s === 200).length;
    expect(allowed).toBeLessThanOrEqual(400);
    expect(allowed).toBeGreaterThanOrEqual(400 - 3 * 7);
    expect(statuses.filter((s) => s === 429).length).toBe(405 - allowed);
  });

  it('loses no request when Redis is killed and restarted under load', async () => {
    const outcomes = await underLoad('10.5.0', 4, async () => {
      await new Promise((r) => setTimeout(r, 300));
      await cluster.redis.kill();
      await new Promise((r) => setTimeout(r, 800));
      await cluster.redis.start();
      await new Promise((r) => setTimeout(r, 800));
    });
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.status !== 200 || o.errors > 0)).toEqual([]);
  });

  it('loses no request when one replica is stopped with SIGTERM under load', async () => {
    const victim = cluster.replicas[1];
    if (!victim) throw new Error('no second replica');
    const outcomes = await underLoad('10.6.0', 4, async () => {
      await new Promise((r) => setTimeout(r, 300));
      victim.process.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1_500));
    });
    expect(await victim.exited).toBe(0);
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.status !== 200 || o.errors > 0)).toEqual([]);
  });

  it('polls each source from one replica, and hands the polls of a replica that died to another', async () => {
    const [first, , third] = cluster.replicas;
    if (!first || !third) throw new Error('three replicas expected');
    const cp = cluster.emulators.byKey('cp');
    const cpConfig = cluster.emulators.config.sources.find((s) => s.key === 'cp');
    if (!cpConfig) throw new Error('no cp');
    const filter = { filter: { sources: ['cp'] } };
    const onFirst = sse(`${first.url}/graphql`, TICKET_EVENTS, filter);
    await new Promise((r) => setTimeout(r, POLL_MS + 500));
    const onThird = sse(`${third.url}/graphql`, TICKET_EVENTS, filter);
    try {
      // Subscribers on two replicas, one poller: about one list call per interval.
      const before = cp.emulator.requests.count('GET', '/tickets');
      await new Promise((r) => setTimeout(r, POLL_MS * 3));
      expect(cp.emulator.requests.count('GET', '/tickets') - before).toBeLessThanOrEqual(4);

      // Events reach subscribers on every replica, whichever polls.
      const seen = await createAtControlPanel(cpConfig.baseUrl, String(cpConfig.credentials.token), 'Seen everywhere');
      await until(() => onThird.events.find((e) => e.data?.ticketEvents.ticket.number === seen), POLL_MS * 2 + 1_000);
      await until(() => onFirst.events.find((e) => e.data?.ticketEvents.ticket.number === seen), 1_000);

      // The polling replica dies without a word; its lease expires (3 intervals) and another takes over.
      first.process.kill('SIGKILL');
      await first.exited;
      const afterDeath = await createAtControlPanel(cpConfig.baseUrl, String(cpConfig.credentials.token), 'Filed after a replica died');
      const event = await until(() => onThird.events.find((e) => e.data?.ticketEvents.ticket.number === afterDeath), POLL_MS * 5 + 1_000);
      expect(event.data?.ticketEvents.type).toBe('CREATED');
    } finally {
      await Promise.all([onFirst.close().catch(() => undefined), onThird.close()]);
    }
  });
});
