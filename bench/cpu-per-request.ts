/**
 * `tsx bench/cpu-per-request.ts [--requests N] [--query fanout|typename] [--unshared]`: this process's CPU
 * time per request for the gateway and for the bare script, each over node:http on loopback,
 * one request at a time, with the emulators (0 ms) in a child process. CPU time, not wall
 * time, so other load on the machine barely moves it: a quick before/after check of a change
 * to the hot path, beside `--profile` (which says where the time goes). Not a target.
 */
import '../src/runtime-flags.js';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { GatewayConfig } from '../src/config.js';
import { createGateway } from '../src/gateway.js';
import { createBare } from './baselines.js';
import { benchGatewayConfig } from './gateway-config.js';
import { startChild } from './ipc.js';
import * as Q from './queries.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '400' }, query: { type: 'string', default: 'fanout' }, unshared: { type: 'boolean', default: false } },
});
const requests = Number(values.requests);
const query = values.query === 'typename' ? Q.TYPENAME : Q.TICKETS_PAGE;

const host = await startChild<Record<string, GatewayConfig>>('./emulator-host.ts', { args: ['0'] });
const config = benchGatewayConfig(host.ready['0'] ?? null);

async function serve(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Garbage collection time by kind while `gcWindow` is open (microseconds). */
const gcTime = { minor: 0, major: 0, other: 0 };
let gcWindow = false;
new PerformanceObserver((list) => {
  if (!gcWindow) return;
  for (const entry of list.getEntries()) {
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
    const key: keyof typeof gcTime = kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'major' : 'other';
    gcTime[key] += entry.duration * 1000;
  }
}).observe({ entryTypes: ['gc'] });

/** CPU microseconds of this process per request (the client's fetch included, the same on each side), and GC time per request by kind. */
async function measure(url: string): Promise<{ cpu: number; gc: typeof gcTime }> {
  const send = async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await response.text();
  };
  for (let i = 0; i < 50; i++) await send();
  Object.assign(gcTime, { minor: 0, major: 0, other: 0 });
  gcWindow = true;
  const start = process.cpuUsage();
  for (let i = 0; i < requests; i++) await send();
  const used = process.cpuUsage(start);
  // GC entries arrive on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcWindow = false;
  return { cpu: (used.user + used.system) / requests, gc: { minor: gcTime.minor / requests, major: gcTime.major / requests, other: gcTime.other / requests } };
}

const log = pino.destination({ dest: '/dev/null', sync: false });
// --unshared: in-flight sharing off (one request at a time shares nothing; what its bookkeeping costs).
const gateway = createGateway({ config, logDestination: log, shareInFlightReads: !values.unshared });
const bare = createBare(config);
const sides = [
  { name: 'gateway', server: await serve(gateway.yoga) },
  { name: 'bare', server: await serve(bare.handler) },
];
const results: Record<string, Awaited<ReturnType<typeof measure>>[]> = { gateway: [], bare: [] };
try {
  for (let round = 0; round < 3; round++) for (const side of sides) results[side.name]?.push(await measure(side.server.url));
  const best = (name: string) => (results[name] ?? []).reduce((a, b) => (b.cpu < a.cpu ? b : a));
  const [g, b] = [best('gateway'), best('bare')];
  const gc = (r: typeof g) => `GC minor ${(r.gc.minor / 1000).toFixed(3)}, major ${(r.gc.major / 1000).toFixed(3)}, other ${(r.gc.other / 1000).toFixed(3)} ms`;
  process.stdout.write(`${values.query}: gateway ${(g.cpu / 1000).toFixed(3)} ms CPU/request (${gc(g)}), bare ${(b.cpu / 1000).toFixed(3)} ms (${gc(b)}); gateway - bare ${((g.cpu - b.cpu) / 1000).toFixed(3)} ms (best of 3 × ${requests})\n`);
} finally {
  for (const side of sides) await side.server.close();
  await gateway.close();
  await bare.close();
  await host.stop();
}
