/**
 * Run by test/production-deadline-gc.test.ts in a child `node --expose-gc`: a gateway over one
 * emulator that answers far too late, many concurrent requests, and forced garbage collections
 * all along. Prints one JSON line: each request's duration and error codes.
 */
import { createGateway } from '../../src/gateway.js';
import { startEmbeddedEmulators } from '../../src/embedded.js';
import { gatewaySettings } from '../../src/settings.js';
import { listen } from '../../src/listen.js';

const DEADLINE_MS = Number(process.env.DEADLINE_MS ?? 1_000);
const VENDOR_DELAY_MS = Number(process.env.VENDOR_DELAY_MS ?? 8_000);
const REQUESTS = Number(process.env.REQUESTS ?? 40);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const emulators = await startEmbeddedEmulators({ kinds: ['control-panel'], emulator: { faults: { delayMs: VENDOR_DELAY_MS } } });
const config = {
  // The source's own timeout is far away: only the request deadline can end these requests.
  sources: emulators.config.sources.map((s) => ({ ...s, timeoutMs: 60_000 })),
  gateway: gatewaySettings.parse({ requestDeadlineMs: DEADLINE_MS, logLevel: 'silent', rateLimit: { max: 100_000, windowMs: 60_000 } }),
};
const gateway = createGateway({ config });
const listening = await listen(gateway.yoga);

let garbage: unknown[] = [];
let gcMs = 0;
let collections = 0;
const collector = setInterval(() => {
  garbage = Array.from({ length: 2_000 }, (_, i) => ({ i, s: `x${i}` }));
  if (process.env.NO_GC !== '1') {
    const before = performance.now();
    gc();
    gcMs += performance.now() - before;
    collections++;
  }
}, Number(process.env.GC_EVERY_MS ?? 200));

const results = await Promise.all(
  Array.from({ length: REQUESTS }, async (_, i) => {
    // Staggered, so collections land at every stage of a request's life.
    await new Promise((r) => setTimeout(r, (i % 10) * 20));
    const started = performance.now();
    const response = await fetch(`${listening.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ tickets(first: ${1 + (i % 5)}) { edges { node { number } } } }` }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { ms: Math.round(performance.now() - started), codes: (body.errors ?? []).map((e) => e.extensions?.code ?? null) };
  }),
);
clearInterval(collector);
void garbage;
process.stdout.write(`${JSON.stringify({ results, collections, gcMs: Math.round(gcMs) })}\n`);
// The emulator is still sleeping on the requests it holds; nothing else to wait for.
await listening.close();
process.exit(0);
