/**
 * `npm run bench` — issue 9's five measurements, at each emulator latency, as ratios against
 * their targets; a table on stdout and the whole record in bench/results.json.
 *
 *   --quick              tiny counts (CI: checks it runs, never the numbers)
 *   --out FILE           where the JSON goes (default bench/results.json)
 *   --latency 0,30       emulator latencies in ms
 *   --seconds N          load per side per comparison (default 10: at one connection the
 *                        sides take turns of 0.5 s for that long each; at more, 6
 *                        alternating rounds of N/6 s; either way the machine's swings hit
 *                        every side alike); also each side's warm-up before its first comparison
 *   --only a,b           some of: fanout, batching, deep-pages, throughput, memory, tracing
 *   --profile [DIR]      run the server processes with --cpu-prof (profiles into DIR; the
 *                        gateway's pid is logged; summarize with bench/profile-summary.ts)
 *   --tracing            the same as `--only tracing`: issue 19's "tracing on (exporting to a
 *                        local receiver): fan-out p50 at most 1.1x tracing off" alone
 *   --tsx                run the servers and emulators from the TypeScript sources through tsx
 *                        instead of compiling them with tsc first (bench/compiled-build.ts)
 *
 * Processes: this one drives the load (autocannon; undici at one connection); the emulators (and the OTLP receiver of the
 * tracing-on gateway) run in one child, each server under test in its own (see bench/README.md
 * for why). Loopback only; every run is bounded. No OTEL_* variable of the caller's shell
 * reaches a child: tracing is on only where the bench's config turns it on.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { GatewayConfig } from '../src/config.js';
import type { NativeCalls } from './emulator-host.js';
import { GATEWAY_NODE_FLAGS } from '../src/node-flags.js';
import { compileForBench } from './compiled-build.js';
import { startChild, type ChildHandle } from './ipc.js';
import { memory } from './memory.js';
import { batching, deepPages, fanOut, throughput, tracingCost, type Measurement, type MeasurementId, type Server, type Settings } from './measurements.js';
import type { MemorySample, TargetMode, TargetSpec } from './target.js';
import type { TraceCounts } from './trace-receiver.js';

const DEFAULT_PROFILE_DIR = resolve(os.tmpdir(), 'ticketgraph-bench-profiles');
const { values: args } = parseArgs({
  // `--profile` alone means the default folder (parseArgs wants a value for string options).
  args: process.argv.slice(2).map((a, i, all) => (a === '--profile' && (all[i + 1] ?? '--').startsWith('--') ? `--profile=${DEFAULT_PROFILE_DIR}` : a)),
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    latency: { type: 'string', default: '0,30' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string' },
    profile: { type: 'string' },
    'scale-out': { type: 'boolean', default: false },
    cluster: { type: 'boolean', default: false },
    tickets: { type: 'string' },
    tracing: { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
// Children inherit this environment (bench/ipc.ts): an OTEL_EXPORTER_OTLP_ENDPOINT in the
// caller's shell would turn tracing on in the tracing-off gateway, an OTEL_SDK_DISABLED off in
// the tracing-on one. The bench sets what it needs itself (TRACING_PROCESS_ENV, the config).
for (const key of Object.keys(process.env)) if (key.startsWith('OTEL_')) delete process.env[key];
const profileDir = args.profile ? resolve(args.profile) : null;

const latencies = args.latency.split(',').map((v) => Number(v.trim()));
if (latencies.some((v) => !Number.isInteger(v) || v < 0 || v > 1000)) throw new Error('--latency: integers 0..1000');
const seconds = Math.min(120, Math.max(1, Number(args.seconds)));
/** Tickets each emulator seeds (`EmulatorOptions.tickets`); the emulators' default when absent. */
const tickets = args.tickets === undefined ? null : Number(args.tickets);
if (tickets !== null && (!Number.isSafeInteger(tickets) || tickets < 0)) throw new Error('--tickets: a non-negative integer');
const ALL: MeasurementId[] = ['fanout', 'batching', 'deep-pages', 'throughput', 'memory', 'tracing'];
const requested = [...(args.only ? args.only.split(',').map((v) => v.trim()) : args.tracing ? [] : ALL), ...(args.tracing ? ['tracing'] : [])];
const unknown = requested.filter((id) => !(ALL as string[]).includes(id));
if (unknown.length > 0) throw new Error(`--only: unknown measurement(s) ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
const only = new Set(requested as MeasurementId[]);
/**
 * The batch processor of the tracing-on gateway's process (the SDK reads OTEL_BSP_* there):
 * its timer at 1 s instead of 5 s, so the bench learns sooner that the spans arrived (under load
 * a batch of 512 spans is exported as soon as it is full either way). Queue and batch sizes
 * stay the SDK's defaults (2,048 and 512), as a user would run them.
 */
const TRACING_PROCESS_ENV = { OTEL_BSP_SCHEDULE_DELAY: '1000' };

const settings: Settings = args.quick
  ? {
      quick: true,
      segment: (c) => ({ amount: c === 1 ? 4 : c }),
      warmup: (c) => ({ amount: c === 1 ? 2 : c }),
      rounds: 1,
      fanoutConnections: [1, 10],
      deepPage: 3,
      throughputConnections: 10,
      memory: { warmup: 8, requests: 16, connections: 2, samples: 2 },
    }
  : {
      quick: false,
      segment: () => ({ duration: seconds / 6 }),
      warmup: () => ({ duration: 1 }),
      rounds: 6,
      fanoutConnections: [1, 10],
      deepPage: 50,
      throughputConnections: 10,
      memory: { warmup: 1_000, requests: 10_000, connections: 16, samples: 10 },
    };

const t0 = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
const children: ChildHandle<unknown>[] = [];
let compiledDir: string | null = null;

type TargetProcess = ChildHandle<{ pid: number }>;

/** Full: a process per server (its own RSS, its own profile). Quick: one process for all. */
async function startTargetProcesses(count: number, env: Record<string, string> = {}): Promise<TargetProcess[]> {
  // The node flags `npm start` runs with (src/node-flags.ts), for gateway and baselines alike.
  const execArgv = [...GATEWAY_NODE_FLAGS, '--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const started = await Promise.all(Array.from({ length: count }, () => startChild<{ pid: number }>('./target.ts', { execArgv, env, compiledDir })));
  children.push(...started);
  return started;
}

async function startServers(processes: TargetProcess[], specs: TargetSpec[]): Promise<Map<string, Server & { pid: number }>> {
  const groups = processes.length === 1 ? [specs] : specs.map((spec) => [spec]);
  const started = await Promise.all(
    groups.map(async (group, i) => {
      const child = processes[i] as TargetProcess;
      const urls = await child.call<Record<string, string>>('start', group);
      return group.map((spec) => {
        const url = urls[spec.name];
        if (!url) throw new Error(`${spec.name} did not start`);
        return [spec.name, { url, pid: child.ready.pid, memory: () => child.call<MemorySample>('memory') }] as const;
      });
    }),
  );
  return new Map(started.flat());
}

async function main(): Promise<number> {
  const startedAt = new Date();
  log(`${args.quick ? 'quick' : 'full'} run; emulator latency ${latencies.join(', ')} ms${profileDir ? `; CPU profiles -> ${profileDir}` : ''}`);
  if (!args.tsx) {
    compiledDir = await compileForBench();
    log(`compiled with tsc into ${compiledDir}`);
  }
  const modes: TargetMode[] = ['gateway', 'bare', 'floor'];
  // Per latency, besides those: the gateway with in-flight sharing off (fan-out's like-for-like rows).
  const serverCount = latencies.length * (modes.length + 1) + 1;
  // The tracing-on gateways (one per latency) and their tracing-off twins only when measured.
  // Full: a process each, so export work is the traced one's alone, and each pair of processes
  // has the same history (started together, loaded the same way) instead of tracing on in a new
  // process against the gateway every other section ran on. Quick: they share the one process
  // of all servers (quick numbers are not judged).
  const traced = only.has('tracing');
  // Loading the gateway's modules takes seconds: let it overlap the emulators' start.
  const [host, processes, tracedProcesses] = await Promise.all([
    startChild<Record<string, GatewayConfig>>('./emulator-host.ts', { args: [latencies.join(','), ...(tickets === null ? [] : [String(tickets)])], compiledDir }),
    startTargetProcesses(settings.quick ? 1 : serverCount, settings.quick && traced ? TRACING_PROCESS_ENV : {}),
    startTargetProcesses(traced && !settings.quick ? latencies.length * 2 : 0, TRACING_PROCESS_ENV),
  ]);
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

  const config = (latencyMs: number) => host.ready[String(latencyMs)] ?? null;
  const tracedSpecs: TargetSpec[] = traced
    ? (
        await Promise.all(
          latencies.map(async (latencyMs) => [
            { name: `traced@${latencyMs}`, mode: 'gateway' as const, config: config(latencyMs), tracingEndpoint: await host.call<string>('traceReceiver', latencyMs) },
            { name: `untraced@${latencyMs}`, mode: 'gateway' as const, config: config(latencyMs) },
          ]),
        )
      ).flat()
    : [];
  const specs: TargetSpec[] = [
    ...latencies.flatMap((latencyMs) => [
      ...modes.map((mode) => ({ name: `${mode}@${latencyMs}`, mode, config: config(latencyMs) })),
      { name: `unshared@${latencyMs}`, mode: 'gateway' as const, config: config(latencyMs), shareInFlightReads: false },
    ]),
    { name: 'hello', mode: 'hello', config: null },
  ];
  const targets = new Map([
    ...(await startServers(processes, settings.quick ? [...specs, ...tracedSpecs] : specs)),
    ...(settings.quick ? [] : await startServers(tracedProcesses, tracedSpecs)),
  ]);
  const target = (name: string) => {
    const found = targets.get(name);
    if (!found) throw new Error(`no server ${name}`);
    return found;
  };
  log(`servers up`);
  const rigFor = (latencyMs: number) => {
    const [gateway, bare, floor] = modes.map((mode) => target(`${mode}@${latencyMs}`)) as [Server & { pid: number }, Server, Server];
    return {
      latencyMs,
      settings,
      gateway,
      unshared: target(`unshared@${latencyMs}`),
      bare,
      floor,
      clearCalls: () => host.call<void>('clear', latencyMs),
      calls: async () => (await host.call<NativeCalls>('calls', latencyMs)).calls,
      callCount: () => host.call<number>('callCount', latencyMs),
      log: (line: string) => log(`${latencyMs} ms: ${line}`),
    };
  };
  for (const latencyMs of latencies) {
    const rig = rigFor(latencyMs);
    log(`${latencyMs} ms: gateway ${rig.gateway.url} (pid ${rig.gateway.pid})`);
    await attempt('batching', latencyMs, () => batching(rig));
    await attempt('fanout', latencyMs, () => fanOut(rig));
    await attempt('deep-pages', latencyMs, () => deepPages(rig, 'DESC'));
    await attempt('deep-pages', latencyMs, () => deepPages(rig, 'ASC'));
    if (traced) {
      const [on, off] = [target(`traced@${latencyMs}`), target(`untraced@${latencyMs}`)];
      log(`${latencyMs} ms: tracing-on gateway ${on.url} (pid ${on.pid}), its tracing-off twin ${off.url} (pid ${off.pid})`);
    }
    await attempt('tracing', latencyMs, () =>
      tracingCost({
        ...rig,
        traced: target(`traced@${latencyMs}`),
        untraced: target(`untraced@${latencyMs}`),
        clearTraces: () => host.call<void>('clearTraces', latencyMs),
        traces: () => host.call<TraceCounts>('traces', latencyMs),
      }),
    );
  }
  await attempt('throughput', null, () => throughput(settings, target(`gateway@${latencies[0]}`), target('hello'), log));
  // Last: the memory samples force full GCs (global.gc), and a process that had them answered
  // `{ __typename }` about 1.5x slower for minutes after (bench/README.md); no other measurement
  // may run on a gateway they disturbed. Production processes never force a GC.
  for (const latencyMs of latencies) await attempt('memory', latencyMs, () => memory(rigFor(latencyMs)));

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
    settings: { latenciesMs: latencies, secondsPerSide: settings.quick ? null : seconds, rounds: settings.rounds, runtime: compiledDir ? 'tsc' : 'tsx', ...settings.memory },
    pass: measurements.every((m) => m.pass !== false),
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
    m.measured === 'error' ? 'ERROR' : m.pass === null ? 'REPORTED' : m.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

/** `--scale-out` / `--cluster`: the response cache, Redis rate limit, live events and replicas (bench/scale-out.ts). */
async function scaleOut(): Promise<number> {
  const { measureScaleOut } = await import('./scale-out.js');
  const rows = await measureScaleOut({ seconds, quick: settings.quick, cluster: args.cluster, log });
  const out = args.out.replace(/\.json$/, '-scale-out.json');
  await writeFile(out, `${JSON.stringify({ finishedAt: new Date().toISOString(), quick: settings.quick, rows }, null, 2)}\n`);
  const header = ['Measurement', 'Measured', 'Baseline', 'Ratio', 'Target', 'Result'];
  const lines = rows.map((r) => [r.title, r.measured, r.baseline, r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`, r.target, r.pass === null ? 'REPORTED' : r.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(`\n${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n')}\nWritten: ${out}\n`);
  return 0;
}

let exitCode = 1;
try {
  exitCode = args['scale-out'] || args.cluster ? await scaleOut() : await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await Promise.allSettled(children.map((c) => c.stop()));
}
process.exit(exitCode);
