/**
 * Child process: servers under test on 127.0.0.1, started by the `start` call with
 * [{ name, mode, config }] (mode gateway | bare | floor | hello, config the emulators' gateway
 * config; the call can come once the emulators are up, while this process has long finished
 * loading). The full bench gives each server a process of its own; --quick puts them all in one.
 * Answers `memory` (RSS and heap after a full GC; started with --expose-gc) and `exit` (a clean
 * exit, so `--cpu-prof` writes its profile).
 */
// The V8 settings `npm start` runs with, for every server under test (gateway and baselines).
import '../src/runtime-flags.js';
import { createServer, type RequestListener } from 'node:http';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import type { GatewayConfig } from '../src/config.js';
import { createGateway } from '../src/gateway.js';
import { bufferedDestination } from '../src/observability/logger.js';
import { createBare, createFloor, createHello } from './baselines.js';
import { benchGatewayConfig } from './gateway-config.js';
import { serveParent } from './ipc.js';

export type TargetMode = 'gateway' | 'bare' | 'floor' | 'hello';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface TargetSpec {
  name: string;
  mode: TargetMode;
  config: GatewayConfig | null;
  /**
   * Mode `gateway` only: tracing on, every trace sampled (the worst case), exported over
   * OTLP/HTTP to this traces URL (the emulator host's receiver), set in `gateway.tracing` as a
   * config file would. The bench strips OTEL_* from its children's environment, so this is the
   * only way tracing is turned on, and only for this gateway.
   */
  tracingEndpoint?: string;
  /** Mode `gateway`: `createGateway`'s `shareInFlightReads`, on unless false (as deployed). */
  shareInFlightReads?: boolean;
}

async function start(spec: TargetSpec): Promise<{ url: string; close(): Promise<void> }> {
  // The request log goes to a file, buffered as `npm start` writes it to stdout (a terminal
  // would measure the terminal).
  const config = benchGatewayConfig(spec.config);
  if (spec.tracingEndpoint !== undefined) {
    if (spec.mode !== 'gateway' || !config.gateway) throw new Error(`${spec.name}: tracing needs mode gateway and the gateway settings`);
    config.gateway.tracing = { endpoint: spec.tracingEndpoint, serviceName: 'ticketgraph-bench', sampleRatio: 1, captureDocument: false };
  }
  let handler: RequestListener;
  let close: () => Promise<void>;
  if (spec.mode === 'gateway') {
    const logFile = join(os.tmpdir(), `ticketgraph-bench-${process.pid}-${spec.name.replace(/[^\w.-]/g, '_')}.log`);
    const logDestination = bufferedDestination(logFile);
    const gateway = createGateway({ config, logDestination, shareInFlightReads: spec.shareInFlightReads !== false });
    handler = gateway.yoga;
    close = async () => {
      await gateway.close();
      logDestination.flushSync();
      logDestination.end();
      await rm(logFile, { force: true });
    };
  } else {
    const baseline = spec.mode === 'bare' ? createBare(config) : spec.mode === 'floor' ? await createFloor(config) : createHello();
    handler = baseline.handler;
    close = baseline.close;
  }
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}

const servers: { url: string; close(): Promise<void> }[] = [];
const gc = (globalThis as { gc?: () => void }).gc;

serveParent(
  { pid: process.pid },
  {
    async start(specs): Promise<Record<string, string>> {
      const list = specs as TargetSpec[];
      const started = await Promise.all(list.map(start));
      servers.push(...started);
      return Object.fromEntries(started.map((server, i) => [list[i]?.name ?? '', server.url]));
    },
    memory(): MemorySample {
      // Twice: the first pass may only finalize what the second frees.
      gc?.();
      gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, heapUsed, external };
    },
    async exit() {
      await Promise.allSettled(servers.map((s) => s.close()));
      process.exit(0);
    },
  },
);
