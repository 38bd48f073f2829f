/**
 * `npm run bench -- --quick` runs end to end and records every measurement. The numbers are
 * not asserted: a CI machine is too noisy for them (bench/README.md has a real run's).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

interface Recorded {
  id: string;
  latencyMs: number | null;
  ratio: number | null;
  pass: boolean | null;
  target: string;
  measured: string;
  details: Record<string, unknown>;
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'bench/run.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench -- --quick', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 and writes every measurement at both emulator latencies', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ticketgraph-bench-'));
    const out = join(dir, 'results.json');
    const { code, stdout, stderr } = await run(['--quick', '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/\| Measurement +\| Emulator latency/);

    const record = JSON.parse(await readFile(out, 'utf8')) as { quick: boolean; machine: { cpus: number }; measurements: Recorded[] };
    expect(record.quick).toBe(true);
    expect(record.machine.cpus).toBeGreaterThan(0);
    const present = new Set(record.measurements.map((m) => `${m.id}@${m.latencyMs}`));
    for (const id of ['fanout', 'batching', 'deep-pages', 'memory', 'tracing']) {
      for (const latency of [0, 30]) expect(present, `${id} at ${latency} ms`).toContain(`${id}@${latency}`);
    }
    expect(present).toContain('throughput@null');
    for (const m of record.measurements) {
      expect(m.measured, `${m.id}@${m.latencyMs}`).not.toBe('error');
      expect(typeof m.ratio === 'number' && Number.isFinite(m.ratio) && m.ratio > 0, `${m.id}@${m.latencyMs} ratio`).toBe(true);
      // null: a row reported beside a target (fan-out with sharing off).
      expect(typeof m.pass === 'boolean' || (m.pass === null && m.id === 'fanout'), `${m.id}@${m.latencyMs} pass`).toBe(true);
      expect(m.target.length).toBeGreaterThan(0);
    }

    // At ten connections the gateway with in-flight sharing off is reported beside the one as
    // deployed, each with the native calls it made per request under load.
    const fanout = record.measurements.filter((m) => m.id === 'fanout');
    expect(fanout.map((m) => `${m.latencyMs}/${String(m.details.connections)}/${m.pass === null ? 'reported' : 'target'}`).sort()).toEqual(
      ['0/1/target', '0/10/reported', '0/10/target', '30/1/target', '30/10/reported', '30/10/target'],
    );
    for (const m of fanout) {
      const calls = m.details.nativeCallsPerRequestUnderLoad as { gateway: number; bare: number };
      expect(calls.bare, `${m.latencyMs} ms bare calls/request`).toBeGreaterThanOrEqual(5);
      expect(calls.gateway).toBeGreaterThan(0);
      if (m.pass === null) expect(calls.gateway, 'sharing off: every request its own calls').toBeGreaterThanOrEqual(5);
    }

    // Tracing on vs off, at 1 and 10 connections per latency: the tracing-on gateway really
    // exported (every request's trace reached the bench's receiver) and made the same native calls.
    const tracing = record.measurements.filter((m) => m.id === 'tracing');
    expect(tracing.map((m) => `${m.latencyMs}/${String(m.details.connections)}`).sort()).toEqual(['0/1', '0/10', '30/1', '30/10']);
    for (const m of tracing) {
      const { requestsSentWithWarmup, requestSpansReceived, spansReceived, tracingMakesSameCalls } = m.details;
      expect(requestsSentWithWarmup, `${m.latencyMs}/${String(m.details.connections)}`).toBeGreaterThan(0);
      expect(requestSpansReceived).toBe(requestsSentWithWarmup);
      expect(spansReceived).toBeGreaterThan(requestSpansReceived as number);
      expect(tracingMakesSameCalls).toBe(true);
    }
  }, 240_000);

  it('`--tracing` runs the tracing comparison alone, whatever OTEL_* the shell has; an unknown `--only` name is refused', async () => {
    dir ??= await mkdtemp(join(tmpdir(), 'ticketgraph-bench-'));
    const out = join(dir, 'tracing.json');
    // Reaching the children, this would turn the tracing-on gateway off: its probe would fail.
    const { code, stderr } = await run(['--quick', '--tracing', '--latency', '0', '--out', out], { OTEL_SDK_DISABLED: 'true' });
    expect(code, stderr).toBe(0);
    const record = JSON.parse(await readFile(out, 'utf8')) as { measurements: Recorded[] };
    expect(record.measurements.map((m) => `${m.id}@${m.latencyMs}`)).toEqual(['tracing@0', 'tracing@0']);

    const refused = await run(['--quick', '--only', 'fanout,tracng', '--out', join(dir, 'refused.json')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('unknown measurement(s) tracng');
  }, 120_000);
});
