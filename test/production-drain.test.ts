/**
 * Issue #12: SIGTERM drains instead of cutting requests off. `src/server.ts` runs as its own
 * process (as `npm start` does) over an emulator made slow; a request in flight when SIGTERM
 * arrives still gets its answer, new connections are refused, /ready answers 503 on a
 * connection already open, and the process exits 0 once the request is done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { FAULTS_PATH } from '../src/emulator/kit.js';

const SLOW_MS = 1_500;

let emulators: EmbeddedEmulators;
let dir: string;
let child: ChildProcess | undefined;
beforeAll(async () => {
  emulators = await startEmbeddedEmulators({ kinds: ['control-panel'], emulator: { testMode: true } });
  dir = await mkdtemp(join(tmpdir(), 'tg-drain-'));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await emulators?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Resolves with the raw HTTP answer once the socket ends. */
function collect(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

function tryConnect(port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, answers /ready 503, exits 0', async () => {
    const path = join(dir, 'config.json');
    const sources = emulators.config.sources.map((s) => ({ key: s.key, kind: s.kind, name: s.name, baseUrl: s.baseUrl, credentials: s.credentials, ...s.settings }));
    await writeFile(path, JSON.stringify({ sources, gateway: { drainTimeoutMs: 10_000, logLevel: 'info' } }));
    const spawned = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TICKETGRAPH_CONFIG: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    let output = '';
    spawned.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    spawned.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => spawned.on('exit', (code) => resolve({ code, at: Date.now() })));
    const started = Date.now();
    let match: RegExpMatchArray | null = null;
    while (!match && Date.now() - started < 30_000 && spawned.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
      match = output.match(/ticketgraph listening on http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
    }
    expect(match, output).not.toBeNull();
    const port = Number(match![1]);
    const url = `http://127.0.0.1:${port}/graphql`;

    // A probe connection opened before the signal, its request not finished yet.
    const probe = connect(port, '127.0.0.1');
    await new Promise((resolve) => probe.once('connect', resolve));
    const probeAnswer = collect(probe);
    probe.write('GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');

    // The emulator becomes slow, then a request goes out and is in flight at SIGTERM.
    const { origin } = emulators.byKey('cp').listening;
    await fetch(origin + FAULTS_PATH, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delayMs: SLOW_MS }) });
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ tickets(first: 3) { edges { node { number } } } }' }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: { tickets: { edges: unknown[] } }; errors?: unknown[] }, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 300));
    spawned.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));

    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    probe.write('Connection: close\r\n\r\n');
    const ready = await probeAnswer;
    expect(ready).toMatch(/^HTTP\/1\.1 503 /);
    expect(ready).toContain('"status":"draining"');

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data?.tickets.edges).toHaveLength(3);
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(exit.at).toBeGreaterThanOrEqual(answered.at);
    // The logs (written asynchronously) were flushed before the exit.
    expect(output).toContain('draining: no new connections');
    expect(output).toContain('drained; exiting');
  }, 40_000);
});
