/**
 * Node flags a gateway process is started with: V8 reads them when it creates the heap, so
 * setting them from code (src/runtime-flags.ts) would be too late. `npm start`, `node
 * --no-memory-reducer --max-semi-space-size=64 dist/server.js` (README), the cluster script's
 * replicas and the bench's server processes (gateway and baselines alike) pass them. No side
 * effects: safe to import from a process that only starts gateways.
 */
/**
 * V8's memory reducer off: when a process goes idle it runs memory-reducing full GCs that shrink
 * the young generation to 1 MB and the old generation's limits to what is live; a gateway that
 * idled after busy traffic then served what followed more slowly (`{ __typename }`, 10
 * connections, in the 9 s after 40 s idle: 3,100-4,500 req/s against 5,100-6,700 fresh in the
 * same process; 5,300-6,200 with the reducer off; bench/README.md). The cost: an idle gateway
 * keeps the heap it grew while busy instead of returning it to the system.
 */
/**
 * A young generation of up to 64 MB per semi-space instead of Node 20's 16 MB: every request in
 * flight holds its vendors' parsed pages, and each scavenge copies what is live. With ten
 * fan-out requests in flight the gateway spent 1.0–1.3 ms of garbage collection per request at
 * 16 MB (a scavenge every four requests, each copying ten requests' data and promoting what had
 * survived one already) and 0.2 ms at 64 MB; its CPU per request fell from 5.7 to 3.9 ms
 * (bench/README.md). The cost: up to 2 × 64 MB more memory under load (about 15–45 MB more RSS
 * in those runs).
 */
const YOUNG_GENERATION = '--max-semi-space-size=64';
/**
 * The old generation may double before a full GC (V8's own factor, between 1.1x and 4x of what
 * is live, is chosen from how fast GC runs against how fast the program allocates; a gateway
 * does much work per byte, so V8 kept the limit 10-20 MB over the ~45 MB live). What each
 * request leaves behind beyond a scavenge then started a mark-compact every ~350 fan-out
 * requests at one connection: 15-22 ms of incremental marking steps and a 4-12 ms pause inside
 * requests, and afterwards the gateway ran slower (V8 drops type feedback and code when it
 * collects the old generation). At twice what is live: one mark-compact per 2,000 requests
 * instead of six; at one connection CPU per request 4.1-4.4 ms instead of 4.6-5.7, p99 10-11 ms
 * instead of 20-22 (bench/README.md). The cost: up to as much memory again as is live before
 * a full GC (about 25-35 MB RSS in those runs). V8 reads this one whenever it sizes the heap,
 * but it is heap sizing like the young generation's, so it is passed the same way.
 */
const OLD_GENERATION = '--heap-growing-percent=100';

export const GATEWAY_NODE_FLAGS = ['--no-memory-reducer', YOUNG_GENERATION, OLD_GENERATION] as const;
