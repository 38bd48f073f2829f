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
  pass: boolean;
  target: string;
  measured: string;
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'bench/run.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
    for (const id of ['fanout', 'batching', 'deep-pages', 'memory']) {
      for (const latency of [0, 30]) expect(present, `${id} at ${latency} ms`).toContain(`${id}@${latency}`);
    }
    expect(present).toContain('throughput@null');
    for (const m of record.measurements) {
      expect(m.measured, `${m.id}@${m.latencyMs}`).not.toBe('error');
      expect(typeof m.ratio === 'number' && Number.isFinite(m.ratio) && m.ratio > 0, `${m.id}@${m.latencyMs} ratio`).toBe(true);
      expect(typeof m.pass).toBe('boolean');
      expect(m.target.length).toBeGreaterThan(0);
    }
  }, 240_000);
});
