/**
 * `npm run bench -- --scale-out` (and `--cluster`): what issues 17 and 18 measure, as ratios
 * within one run on one machine.
 *
 * - cache: a cached `tickets(first: 50)` hit against the same gateway's `{ __typename }` (req/s);
 *   target at least 0.8x.
 * - rate limit: `{ __typename }` with the rate limit counted in Redis against in memory (req/s);
 *   target at most 10% slower (at least 0.9x).
 * - live: event latency (a ticket created at the vendor -> the subscriber has it) and upstream
 *   list calls per minute per source with 50 subscribers; reported, and the calls checked
 *   against one poll per interval.
 * - cluster (`--cluster`): `tickets(first: 50)` req/s through haproxy to three replicas
 *   against one; reported (on a 2-core machine expect no gain: the number is for bigger ones).
 *
 * Every server is a separate `tsx src/server.ts` process (scripts/cluster); emulators and Redis
 * as `npm run cluster` starts them; loopback only, every load bounded in time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedEmulators, toConfigDocument, type EmbeddedEmulators } from '../src/embedded.js';
import { startCluster, startReplica, stopReplica, type Replica } from '../scripts/cluster/cluster.js';
import { startRedisServer, type RedisServer } from '../scripts/cluster/redis-server.js';
import { body, graphql, percentile, runLoad } from './load.js';

export interface ScaleOutOptions {
  seconds: number;
  quick: boolean;
  cluster: boolean;
  log(line: string): void;
}

export interface ScaleOutRow {
  title: string;
  measured: string;
  baseline: string;
  ratio: number | null;
  target: string;
  pass: boolean | null;
}

const TICKETS_50 = `query Fifty { tickets(first: 50) { edges { node { id number title status createdAt source { key } } } } }`;
const TYPENAME = `{ __typename }`;

export async function measureScaleOut(options: ScaleOutOptions): Promise<ScaleOutRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ticketgraph-bench-'));
  const redis = await startRedisServer();
  const emulators = await startEmbeddedEmulators({ emulator: { limits: { ticketsPerMinute: 100_000, commentsPerMinute: 100_000 } } });
  const replicas: Replica[] = [];
  const load = (url: string, query: string, connections = 10) =>
    runLoad({ url, bodies: [body(query)], connections, ...(options.quick ? { amount: 40 } : { duration: options.seconds }) });
  const gateway = async (name: string, gatewaySettings: Record<string, unknown>, sources: Record<string, unknown> = {}) => {
    const file = join(dir, `${name}.json`);
    const document = toConfigDocument(emulators.config);
    await writeFile(
      file,
      JSON.stringify({
        sources: document.sources.map((s) => ({ ...s, ...sources })),
        gateway: { logLevel: 'warn', rateLimit: { max: 10_000_000, windowMs: 60_000 }, maxUpstreamCalls: 1_000, ...gatewaySettings },
      }),
    );
    const replica = await startReplica(name, file, 'bench-cursor-secret-0123456789', false);
    replicas.push(replica);
    return `${replica.url}/graphql`;
  };
  const rows: ScaleOutRow[] = [];
  try {
    // Cache hit against the same gateway's cheapest query.
    const cached = await gateway('cache', { responseCache: { ttlMs: 600_000 } });
    await graphql(cached, TICKETS_50);
    await load(cached, TYPENAME);
    const typename = await load(cached, TYPENAME);
    const hits = await load(cached, TICKETS_50);
    const cacheRatio = hits.rps / typename.rps;
    options.log(`cache: hit ${hits.rps.toFixed(0)} req/s, __typename ${typename.rps.toFixed(0)} req/s`);
    rows.push(row('Cached tickets(first: 50) hit vs { __typename } (req/s, 10 conn.)', hits.rps, typename.rps, cacheRatio, '>= 0.80x', cacheRatio >= 0.8));

    // The rate limit in Redis against in memory.
    const memoryLimited = await gateway('ratelimit-memory', {});
    const redisLimited = await gateway('ratelimit-redis', { redis: { url: redis.url, keyPrefix: 'bench:' }, cursorSecret: 'bench-cursor-secret-0123456789' });
    await Promise.all([load(memoryLimited, TYPENAME), load(redisLimited, TYPENAME)]);
    // A B B A …: drift (other load, CPU frequency) hits both sides alike.
    const rounds = options.quick ? 1 : 4;
    let memoryRps = 0;
    let redisRps = 0;
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? [memoryLimited, redisLimited] : [redisLimited, memoryLimited];
      for (const url of order) {
        const { rps } = await load(url, TYPENAME);
        if (url === memoryLimited) memoryRps += rps;
        else redisRps += rps;
      }
    }
    const limitRatio = redisRps / memoryRps;
    rows.push(row('Rate limit in Redis vs in memory, { __typename } (req/s)', redisRps / rounds, memoryRps / rounds, limitRatio, '>= 0.90x', limitRatio >= 0.9));

    rows.push(...(await liveEvents(gateway, emulators, options)));

    if (options.cluster) rows.push(...(await clusterComparison(options, load)));
  } finally {
    await Promise.all(replicas.map((r) => stopReplica(r)));
    await emulators.close();
    await redis.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

async function liveEvents(
  gateway: (name: string, settings: Record<string, unknown>, sources?: Record<string, unknown>) => Promise<string>,
  emulators: EmbeddedEmulators,
  options: ScaleOutOptions,
): Promise<ScaleOutRow[]> {
  const pollMs = 1_000;
  const url = await gateway('live', {}, { pollIntervalMs: pollMs });
  const cp = emulators.config.sources.find((s) => s.key === 'cp');
  if (!cp) throw new Error('no cp source');
  const arrivals = new Map<string, number>();
  const controllers: AbortController[] = [];
  const subscribers = options.quick ? 5 : 50;
  for (let i = 0; i < subscribers; i++) {
    const controller = new AbortController();
    controllers.push(controller);
    void subscribe(url, controller.signal, (number) => {
      if (!arrivals.has(number)) arrivals.set(number, performance.now());
    });
  }
  await new Promise((r) => setTimeout(r, pollMs * 2));
  const calls = () => emulators.byKey('cp').emulator.requests.count('GET', '/tickets');
  const before = calls();
  const started = performance.now();
  const latencies: number[] = [];
  const events = options.quick ? 2 : 8;
  for (let i = 0; i < events; i++) {
    const created = performance.now();
    const response = await fetch(`${cp.baseUrl}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-token': String(cp.credentials.token) },
      body: JSON.stringify({ summary: `Bench event ${i}`, comment_body: 'x' }),
    });
    const number = String(((await response.json()) as { number: number }).number);
    const deadline = created + pollMs * 3;
    while (!arrivals.has(number) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const arrived = arrivals.get(number);
    if (arrived !== undefined) latencies.push(arrived - created);
    await new Promise((r) => setTimeout(r, 200 + (i % 3) * 150));
  }
  const elapsed = performance.now() - started;
  const made = calls() - before;
  const perMinute = made / (elapsed / 60_000);
  // One poll per interval over the window, give or take the one in flight at either end.
  const allowed = Math.floor(elapsed / pollMs) + 1;
  controllers.forEach((c) => c.abort());
  latencies.sort((a, b) => a - b);
  const expectedPerMinute = 60_000 / pollMs;
  options.log(`live: ${latencies.length}/${events} events, p50 ${percentile(latencies, 0.5).toFixed(0)} ms, ${perMinute.toFixed(1)} list calls/min with ${subscribers} subscribers`);
  return [
    {
      title: `Live event latency, poll every ${pollMs} ms (created at the vendor -> subscriber)`,
      measured: `p50 ${percentile(latencies, 0.5).toFixed(0)} ms, max ${(latencies.at(-1) ?? Number.NaN).toFixed(0)} ms`,
      baseline: `${latencies.length}/${events} delivered`,
      ratio: null,
      target: `<= interval + 1 s`,
      pass: latencies.length === events && (latencies.at(-1) ?? Infinity) <= pollMs + 1_000,
    },
    {
      title: `Upstream list calls per minute for one source, ${subscribers} subscribers`,
      measured: `${perMinute.toFixed(1)}/min`,
      baseline: `${expectedPerMinute}/min (one poll per interval)`,
      ratio: perMinute / expectedPerMinute,
      target: `<= 1 poll per interval (${made} calls in ${(elapsed / 1000).toFixed(1)} s, at most ${allowed})`,
      pass: made <= allowed,
    },
  ];
}

async function clusterComparison(options: ScaleOutOptions, load: (url: string, query: string, connections?: number) => ReturnType<typeof runLoad>): Promise<ScaleOutRow[]> {
  const measure = async (replicas: number) => {
    const cluster = await startCluster({ replicas, gateway: { rateLimit: { max: 10_000_000, windowMs: 60_000 }, logLevel: 'warn' } });
    try {
      await load(cluster.url, TICKETS_50);
      return (await load(cluster.url, TICKETS_50, 30)).rps;
    } finally {
      await cluster.close();
    }
  };
  const one = await measure(1);
  const three = await measure(3);
  options.log(`cluster: 1 replica ${one.toFixed(0)} req/s, 3 replicas ${three.toFixed(0)} req/s`);
  return [row('tickets(first: 50) through haproxy: 3 replicas vs 1 (req/s, 30 conn.)', three, one, three / one, 'reported (no gain expected on 2 cores)', null)];
}

function row(title: string, measured: number, baseline: number, ratio: number, target: string, pass: boolean | null): ScaleOutRow {
  return { title, measured: `${measured.toFixed(0)} req/s`, baseline: `${baseline.toFixed(0)} req/s`, ratio, target, pass };
}

/** One SSE subscription to every ticket event; calls `onTicket` with each event's ticket number. */
async function subscribe(url: string, signal: AbortSignal, onTicket: (number: string) => void): Promise<void> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { ticketEvents(filter: { sources: ["cp"] }) { ticket { number } } }' }),
      signal,
    });
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (const match of buffer.matchAll(/"number":"([^"]+)"/g)) onTicket(match[1] as string);
      buffer = buffer.slice(Math.max(0, buffer.lastIndexOf('\n')));
    }
  } catch {
    // aborted at the end of the measurement
  }
}
