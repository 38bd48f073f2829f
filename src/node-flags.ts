/**
 * Node flags a gateway process is started with: V8 reads them when it creates the heap, so
 * setting them from code (src/runtime-flags.ts) would be too late. `npm start`, `node
 * --no-memory-reducer dist/server.js` (README), the cluster script's replicas and the bench's
 * server processes (gateway and baselines alike) pass them. No side effects: safe to import
 * from a process that only starts gateways.
 */
/**
 * V8's memory reducer off: when a process goes idle it runs memory-reducing full GCs that shrink
 * the young generation to 1 MB and the old generation's limits to what is live; a gateway that
 * idled after busy traffic then served what followed more slowly (`{ __typename }`, 10
 * connections, in the 9 s after 40 s idle: 3,100-4,500 req/s against 5,100-6,700 fresh in the
 * same process; 5,300-6,200 with the reducer off; bench/README.md). The cost: an idle gateway
 * keeps the heap it grew while busy instead of returning it to the system.
 */
export const GATEWAY_NODE_FLAGS = ['--no-memory-reducer'] as const;
