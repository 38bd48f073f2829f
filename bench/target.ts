/**
 * Child process: one server under test on 127.0.0.1 (argv: gateway | bare | floor | hello;
 * env BENCH_CONFIG: the emulators' gateway config as JSON). Answers `memory` (RSS and heap
 * after a full GC, when started with --expose-gc) and `exit` (clean exit, so `--cpu-prof`
 * writes its profile).
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as configModule from '../src/config.js';
import type { GatewayConfig } from '../src/config.js';
import { createGateway } from '../src/gateway.js';
import { createBare, createFloor, createHello } from './baselines.js';
import { serveParent } from './ipc.js';

export type TargetMode = 'gateway' | 'bare' | 'floor' | 'hello';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
}

const mode = process.argv[2] as TargetMode;
const config = JSON.parse(process.env.BENCH_CONFIG ?? '{"sources":[]}') as GatewayConfig;
// One client sends everything: no per-client rate limit may turn the bench into 429s, and
// per-request logs would measure the terminal. (Looked up loosely: server-wide settings are newer
// than the bench's other dependencies.)
const defaults = (configModule as Record<string, unknown>).defaultGatewaySettings;
if (typeof defaults === 'function') {
  Object.assign(config, { gateway: { ...(defaults() as object), rateLimit: { windowMs: 60_000, max: 1_000_000_000 }, logLevel: 'silent' } });
}

let handler: RequestListener;
let close: () => Promise<void>;
if (mode === 'gateway') {
  const gateway = createGateway({ config });
  handler = gateway.yoga;
  close = gateway.close;
} else {
  const baseline = mode === 'bare' ? createBare(config) : mode === 'floor' ? await createFloor(config) : createHello();
  handler = baseline.handler;
  close = baseline.close;
}

const server = createServer(handler);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

const gc = (globalThis as { gc?: () => void }).gc;

serveParent(
  { url, pid: process.pid },
  {
    memory(): MemorySample {
      // Twice: the first pass may only finalize what the second frees.
      gc?.();
      gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, heapUsed, external };
    },
    async exit() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
      process.exit(0);
    },
  },
);
