/**
 * `npm run bench` — issue 9's five measurements, at each emulator latency, as ratios against
 * their targets; a table on stdout and the whole record in bench/results.json.
 *
 *   --quick              tiny counts (CI: checks it runs, never the numbers)
 *   --out FILE           where the JSON goes (default bench/results.json)
 *   --latency 0,30       emulator latencies in ms
 *   --seconds N          load per side per comparison (default 10, in 2 alternating rounds)
 *   --only a,b           some of: fanout, batching, deep-pages, throughput, memory
 *   --profile[=DIR]      run the gateway processes with --cpu-prof (profiles into DIR)
 *
 * Processes: this one drives autocannon; the emulators run in one child, each server under
 * test in its own (see bench/README.md for why). Loopback only; every run is bounded.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { GatewayConfig } from '../src/config.js';
import type { NativeCalls } from './emulator-host.js';
import { startChild, type ChildHandle } from './ipc.js';
import { batching, deepPages, fanOut, memory, throughput, type Measurement, type MeasurementId, type Server, type Settings } from './measurements.js';
import type { MemorySample, TargetMode } from './target.js';

const DEFAULT_PROFILE_DIR = resolve(os.tmpdir(), 'ticketgraph-bench-profiles');
const { values: args } = parseArgs({
  // `--profile` alone means the default folder (parseArgs wants a value for string options).
  args: process.argv.slice(2).map((a) => (a === '--profile' ? `--profile=${DEFAULT_PROFILE_DIR}` : a)),
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    latency: { type: 'string', default: '0,30' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
  allowPositionals: false,
});
const profileDir = args.profile ? resolve(args.profile) : null;

const latencies = args.latency.split(',').map((v) => Number(v.trim()));
if (latencies.some((v) => !Number.isInteger(v) || v < 0 || v > 1000)) throw new Error('--latency: integers 0..1000');
const seconds = Math.min(120, Math.max(1, Number(args.seconds)));
const ALL: MeasurementId[] = ['fanout', 'batching', 'deep-pages', 'throughput', 'memory'];
const only = new Set<MeasurementId>(args.only ? (args.only.split(',') as MeasurementId[]) : ALL);

const settings: Settings = args.quick
  ? {
      quick: true,
      segment: (c) => ({ amount: c === 1 ? 10 : c * 3 }),
      warmup: (c) => ({ amount: c * 2 }),
      rounds: 1,
      fanoutConnections: [1, 10],
      deepPage: 3,
      throughputConnections: 10,
      memory: { warmup: 40, requests: 200, connections: 5 },
    }
  : {
      quick: false,
      segment: () => ({ duration: seconds / 2 }),
      warmup: () => ({ duration: 1 }),
      rounds: 2,
      fanoutConnections: [1, 10],
      deepPage: 50,
      throughputConnections: 10,
      memory: { warmup: 1_000, requests: 10_000, connections: 10 },
    };

const t0 = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
type Ready = { url: string; pid: number };
const children: ChildHandle<unknown>[] = [];

async function startTarget(mode: TargetMode, config: GatewayConfig | null): Promise<Server & { pid: number }> {
  const profiling = mode === 'gateway' && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = await startChild<Ready>('./target.ts', {
    args: [mode],
    env: { BENCH_CONFIG: JSON.stringify(config ?? { sources: [] }) },
    execArgv: ['--expose-gc', ...profiling],
  });
  children.push(child);
  return { url: child.ready.url, pid: child.ready.pid, memory: () => child.call<MemorySample>('memory') };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  log(`${args.quick ? 'quick' : 'full'} run; emulator latency ${latencies.join(', ')} ms${profileDir ? `; CPU profiles -> ${profileDir}` : ''}`);
  const host = await startChild<Record<string, GatewayConfig>>('./emulator-host.ts', { args: [latencies.join(',')] });
  children.push(host);

  const measurements: Measurement[] = [];
  const attempt = async (id: MeasurementId, latencyMs: number | null, run: () => Promise<Measurement | Measurement[]>) => {
    if (!only.has(id)) return;
    try {
      measurements.push(...[await run()].flat());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${id} failed: ${message}`);
      measurements.push({ id, latencyMs, title: id, measured: 'error', baseline: message, ratio: Number.NaN, target: '-', pass: false, details: { error: message } });
    }
  };

  let firstGateway: Server | null = null;
  for (const latencyMs of latencies) {
    const config = host.ready[String(latencyMs)] as GatewayConfig;
    const [gateway, bare, floor] = await Promise.all([startTarget('gateway', config), startTarget('bare', config), startTarget('floor', config)]);
    firstGateway ??= gateway;
    const rig = {
      latencyMs,
      settings,
      gateway,
      bare,
      floor,
      clearCalls: () => host.call<void>('clear', latencyMs),
      calls: async () => (await host.call<NativeCalls>('calls', latencyMs)).calls,
      log: (line: string) => log(`${latencyMs} ms: ${line}`),
    };
    log(`${latencyMs} ms: gateway ${gateway.url} (pid ${gateway.pid})`);
    await attempt('batching', latencyMs, () => batching(rig));
    await attempt('fanout', latencyMs, () => fanOut(rig));
    await attempt('deep-pages', latencyMs, () => deepPages(rig));
    await attempt('memory', latencyMs, () => memory(rig));
  }
  if (firstGateway && only.has('throughput')) {
    const hello = await startTarget('hello', null);
    const gateway = firstGateway;
    await attempt('throughput', null, () => throughput(settings, gateway, hello, log));
  }

  const order = (m: Measurement) => ALL.indexOf(m.id) * 10_000 + (m.latencyMs ?? -1);
  measurements.sort((a, b) => order(a) - order(b));
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
  const record = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: settings.quick,
    machine,
    settings: { latenciesMs: latencies, secondsPerSide: settings.quick ? null : seconds, rounds: settings.rounds, ...settings.memory },
    pass: measurements.every((m) => m.pass),
    measurements: measurements.map((m) => ({ ...m, ratio: Number.isFinite(m.ratio) ? Math.round(m.ratio * 1000) / 1000 : null })),
  };
  await writeFile(args.out, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`\n${table(measurements)}\n\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}\nWritten: ${args.out}\n`);
  // Missed targets are results, not failures; a measurement that could not run is.
  return measurements.some((m) => m.measured === 'error') ? 1 : 0;
}

function table(rows: Measurement[]): string {
  const header = ['Measurement', 'Emulator latency', 'Gateway', 'Baseline', 'Ratio', 'Target', 'Result'];
  const lines = rows.map((m) => [
    m.title,
    m.latencyMs === null ? 'n/a' : `${m.latencyMs} ms`,
    m.measured,
    m.baseline,
    Number.isFinite(m.ratio) ? `${m.ratio.toFixed(2)}x` : '-',
    m.target,
    m.measured === 'error' ? 'ERROR' : m.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await Promise.allSettled(children.map((c) => c.stop()));
}
process.exit(exitCode);
