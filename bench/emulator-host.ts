/**
 * Child process: the five emulators once per latency setting (argv: latencies, e.g. "0,30",
 * then optionally tickets per emulator),
 * on 127.0.0.1 ephemeral ports. Answers with each set's gateway config, and counts the
 * native calls each emulator received (its request log) for the parent. Also one OTLP trace
 * receiver per latency (bench/trace-receiver.ts) for the tracing-on gateway: here, so that
 * decoding the exports costs neither the gateway's CPU nor the load generator's.
 */
import { createHash } from 'node:crypto';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { serveParent } from './ipc.js';
import { startTraceReceiver, type TraceCounts, type TraceReceiver } from './trace-receiver.js';

const latencies = (process.argv[2] ?? '0').split(',').map(Number);
/** argv[3]: tickets per emulator (`--tickets` of the bench), else each emulator's default. */
const tickets = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const sets = new Map<number, EmbeddedEmulators>();
const receivers = new Map<number, TraceReceiver>();
for (const latencyMs of latencies) {
  sets.set(latencyMs, await startEmbeddedEmulators({ emulator: { latencyMs, ...(tickets === undefined ? {} : { tickets }) } }));
  receivers.set(latencyMs, await startTraceReceiver());
}

function set(latencyMs: unknown): EmbeddedEmulators {
  const found = sets.get(Number(latencyMs));
  if (!found) throw new Error(`no emulators at ${String(latencyMs)} ms`);
  return found;
}

function receiver(latencyMs: unknown): TraceReceiver {
  const found = receivers.get(Number(latencyMs));
  if (!found) throw new Error(`no trace receiver at ${String(latencyMs)} ms`);
  return found;
}

export interface NativeCalls {
  /**
   * Source key -> one signature per call since the last clear, in arrival order: method, path,
   * query and a hash of the body (bodies carry credentials on some vendors; hashes don't).
   */
  calls: Record<string, string[]>;
}

function digest(body: unknown): string {
  return body === undefined ? '-' : createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
}

serveParent(Object.fromEntries([...sets].map(([latencyMs, s]) => [latencyMs, s.config])), {
  clear(latencyMs) {
    for (const e of set(latencyMs).emulators) e.emulator.requests.clear();
  },
  calls(latencyMs): NativeCalls {
    const calls: Record<string, string[]> = {};
    for (const e of set(latencyMs).emulators) {
      calls[e.key] = e.emulator.requests.entries.map((r) => `${r.method} ${r.path}?${r.query.toString()} #${digest(r.body)}`);
    }
    return { calls };
  },
  /** How many native calls all five received since the last clear (cheap: no signatures). */
  callCount(latencyMs): number {
    return set(latencyMs).emulators.reduce((n, e) => n + e.emulator.requests.entries.length, 0);
  },
  /** The OTLP traces URL for the tracing-on gateway of this latency. */
  traceReceiver: (latencyMs): string => receiver(latencyMs).url,
  clearTraces(latencyMs) {
    receiver(latencyMs).clear();
  },
  traces: (latencyMs): TraceCounts => receiver(latencyMs).counts(),
  async exit() {
    await Promise.allSettled([...[...sets.values()].map((s) => s.close()), ...[...receivers.values()].map((r) => r.close())]);
    process.exit(0);
  },
});
