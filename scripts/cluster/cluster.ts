/**
 * A local cluster on loopback, as a platform team would run ticketgraph: one redis-server,
 * the embedded emulators (one set, so every replica sees the same tickets), N gateway
 * replicas as separate processes sharing Redis and one cursor secret, and haproxy in front.
 * `npm run cluster` runs it until Ctrl-C; the cluster tests start the very same thing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedEmulators, toConfigDocument, type EmbeddedEmulators } from '../../src/embedded.js';
import { GATEWAY_NODE_FLAGS } from '../../src/node-flags.js';
import type { EmulatorOptions } from '../../src/emulator/kit.js';
import { startHaproxy, type Haproxy } from './haproxy.js';
import { freePort, startRedisServer, type RedisServer } from './redis-server.js';

export interface ClusterOptions {
  replicas?: number;
  /** Extra `gateway` settings for every replica (e.g. a response cache, a rate limit). */
  gateway?: Record<string, unknown>;
  /** Extra fields for every source entry (e.g. `pollIntervalMs`). */
  sources?: Record<string, unknown>;
  emulator?: EmulatorOptions;
  /** Run `node dist/server.js` (after `npm run build`) instead of `tsx src/server.ts`. */
  dist?: boolean;
}

export interface Replica {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export interface Cluster {
  /** The load balancer's /graphql. */
  url: string;
  redis: RedisServer;
  emulators: EmbeddedEmulators;
  replicas: Replica[];
  haproxy: Haproxy;
  close(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const dir = await mkdtemp(join(tmpdir(), 'ticketgraph-cluster-'));
  const redis = await startRedisServer();
  const emulators = await startEmbeddedEmulators(options.emulator ? { emulator: options.emulator } : {});
  const configFile = join(dir, 'config.json');
  const document = toConfigDocument(emulators.config);
  const config = {
    ...document,
    sources: document.sources.map((source) => ({ ...source, ...options.sources })),
    gateway: {
      redis: { url: redis.url, keyPrefix: 'tg:' },
      cursorSecret: { env: 'TICKETGRAPH_CURSOR_SECRET' },
      // haproxy appends the client's address: one trusted hop.
      trustProxy: 1,
      logLevel: 'warn',
      ...options.gateway,
    },
  };
  await writeFile(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  const cursorSecret = `cluster-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const count = options.replicas ?? 3;
  const replicas: Replica[] = [];
  try {
    for (let i = 1; i <= count; i++) {
      replicas.push(await startReplica(`replica${i}`, configFile, cursorSecret, options.dist ?? false));
    }
    const haproxy = await startHaproxy(
      dir,
      await freePort(),
      replicas.map((r) => ({ name: r.name, port: r.port })),
    );
    return {
      url: `${haproxy.url}/graphql`,
      redis,
      emulators,
      replicas,
      haproxy,
      async close() {
        await haproxy.close();
        await Promise.all(replicas.map((r) => stopReplica(r)));
        await emulators.close();
        await redis.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(replicas.map((r) => stopReplica(r)));
    await emulators.close();
    await redis.close();
    throw error;
  }
}

export async function startReplica(name: string, configFile: string, cursorSecret: string, dist: boolean): Promise<Replica> {
  const port = await freePort();
  // Node itself, with tsx as a loader: through tsx's CLI a signal reaches its wrapper process,
  // and a SIGKILL left the real server running (orphaned, still polling and holding leases).
  const args = [...GATEWAY_NODE_FLAGS, ...(dist ? [join(ROOT, 'dist', 'server.js')] : ['--import', 'tsx', join(ROOT, 'src', 'server.ts')])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TICKETGRAPH_CONFIG: configFile, TICKETGRAPH_CURSOR_SECRET: cursorSecret, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { name, port, url: `http://127.0.0.1:${port}`, process: child, output: () => output, exited };
}

export async function stopReplica(replica: Replica): Promise<void> {
  await stopProcess(replica.process, 15_000);
}

/** SIGTERM (a server drains), then SIGKILL if it has not exited within `graceMs`; resolves on exit. */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
