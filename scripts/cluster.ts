/**
 * `npm run cluster [-- --replicas 3 --cache-ttl 5000 --dist]`: redis-server, the emulators,
 * gateway replicas and haproxy on loopback (scripts/cluster/cluster.ts). Runs until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startCluster } from './cluster/cluster.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { replicas: { type: 'string' }, 'cache-ttl': { type: 'string' }, dist: { type: 'boolean' } },
    strict: true,
  });
  const replicas = values.replicas === undefined ? 3 : Number(values.replicas);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) throw new Error('--replicas must be 1..16');
  const ttl = values['cache-ttl'] === undefined ? undefined : Number(values['cache-ttl']);
  const cluster = await startCluster({
    replicas,
    dist: values.dist ?? false,
    gateway: ttl === undefined ? {} : { responseCache: { ttlMs: ttl } },
  });
  console.log(`redis on ${cluster.redis.url}`);
  for (const r of cluster.replicas) console.log(`${r.name} on ${r.url}`);
  console.log(`ticketgraph cluster listening on ${cluster.url}`);
  const stop = () => void cluster.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cluster failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
