/**
 * Tracing (issue #19) in `npm start`: the OTEL_* variables alone turn it on, and the SIGTERM
 * drain flushes the spans still queued. The batch delay is set far beyond the test, so only
 * the flush on shutdown can deliver them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { startReceiver, type Receiver } from './support/otlp-receiver.js';

let emulators: EmbeddedEmulators;
let receiver: Receiver;
let dir: string;
let child: ChildProcess | undefined;
beforeAll(async () => {
  emulators = await startEmbeddedEmulators({ kinds: ['control-panel'] });
  receiver = await startReceiver();
  dir = await mkdtemp(join(tmpdir(), 'tg-tracing-'));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await emulators?.close();
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('exports the spans queued when SIGTERM arrives before exiting', async () => {
    const path = join(dir, 'config.json');
    const sources = emulators.config.sources.map((s) => ({ key: s.key, kind: s.kind, name: s.name, baseUrl: s.baseUrl, credentials: s.credentials, ...s.settings }));
    await writeFile(path, JSON.stringify({ sources, gateway: { logLevel: 'silent' } }));
    const spawned = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        TICKETGRAPH_CONFIG: path,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url.replace(/\/v1\/traces$/, ''),
        OTEL_SERVICE_NAME: 'tg-shutdown',
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    let output = '';
    spawned.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    spawned.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => spawned.on('exit', (code) => resolve(code)));
    const started = Date.now();
    let match: RegExpMatchArray | null = null;
    while (!match && Date.now() - started < 30_000 && spawned.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
      match = output.match(/ticketgraph listening on http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
    }
    expect(match, output).not.toBeNull();
    const response = await fetch(`http://127.0.0.1:${match![1]}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Few { tickets(first: 2) { edges { node { number } } } }' }),
    });
    expect(response.status).toBe(200);
    await response.text();
    expect(receiver.bodies).toEqual([]); // still queued
    spawned.kill('SIGTERM');
    expect(await exited).toBe(0);
    const spans = receiver.spans();
    const request = spans.find((s) => s.name === 'graphql.request');
    expect(request?.attributes['graphql.operation.name']).toBe('Few');
    expect(request?.resource['service.name']).toBe('tg-shutdown');
    expect(spans.filter((s) => s.attributes['ticketgraph.source'] === emulators.config.sources[0]?.key).length).toBeGreaterThan(0);
  }, 60_000);
});
