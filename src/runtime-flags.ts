/**
 * V8 settings for a gateway process, applied by `npm start` (src/server.ts) and by the bench's
 * server processes (gateway and baselines alike). Imported first, for its effect.
 *
 * Allocation-site pretenuring off: V8 watches which allocation sites' objects survive
 * scavenges and, for a site that survives a lot, allocates straight in the old generation. Under
 * a burst of concurrent requests each request's vendor data survives (it is in flight), so V8
 * pretenured exactly the sites that build per-request data; after the burst every request's
 * data went on reaching the old generation (about 2 MB per scavenge instead of 0.3 MB, scavenges
 * of 2–3 ms instead of 1, p50 4.3–6.4 ms instead of 3.4–3.6 ms for a 50-ticket fan-out at one
 * connection) until V8 revised its decision. A gateway's allocations are per request and
 * short-lived; the few long-lived ones (caches, pools) are merely copied once more on their way
 * to the old generation. Measurements: bench/README.md, "Where the garbage collection went".
 *
 * Process-wide, so `createGateway` does not set it: an application embedding the gateway in its
 * own process imports this module first to get the same.
 *
 * Settings V8 only reads when it creates the heap are node flags instead (src/node-flags.ts).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');

