/**
 * The README's commands as a user runs them: `npm start` on the embedded emulators, a bad
 * TICKETGRAPH_CONFIG, and `npm run emulators -- --manifest` feeding TICKETGRAPH_CONFIG.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stopProcess } from '../scripts/cluster/cluster.js';
import { parseConfig } from '../src/config.js';
import { DEFAULT_GRAPHIQL_QUERY } from '../src/graphiql-default.js';

const running: ChildProcess[] = [];

// Each server is stopped and waited for (a SIGKILL if it has not drained in 10 s), so none
// outlives the test run.
afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => stopProcess(child, 10_000)));
});

function run(script: string, args: string[], env: Record<string, string>) {
  // Node with tsx as a loader, not tsx's CLI: its wrapper process would take the signal.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = output.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`did not print ${pattern}; output:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

async function graphql(url: string, query: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: { tickets?: { edges: unknown[] } }; errors?: unknown[] };
}

describe('npm start', () => {
  it('serves the embedded emulators and prints the real URL, also for PORT=0', async () => {
    const server = run('src/server.ts', [], { PORT: '0', HOST: '127.0.0.1', TICKETGRAPH_CONFIG: '' });
    const [, url] = await server.waitFor(/^ticketgraph listening on (http:\/\/127\.0\.0\.1:\d+\/graphql)$/m);
    const result = await graphql(url!, DEFAULT_GRAPHIQL_QUERY);
    expect(result.data?.tickets?.edges.length).toBeGreaterThan(0);
    // Open by default, and it says so (README, Securing it).
    expect(server.output()).toContain('warning: no gateway.auth configured');
    const page = await fetch(url!, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('RecentTickets');
  });

  it('exits non-zero on a bad config, naming the field and hiding the secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tg-'));
    const path = join(dir, 'config.json');
    await writeFile(path, JSON.stringify({ sources: [{ key: 'cp', kind: 'control-panel', name: 'x', baseUrl: 'not a url', credentials: { token: 'hunter2-secret' } }] }));
    const server = run('src/server.ts', [], { PORT: '0', TICKETGRAPH_CONFIG: path });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('sources[0].baseUrl');
    expect(server.output()).not.toContain('hunter2-secret');
  });
});

describe('npm run emulators', () => {
  it('writes a manifest that works as TICKETGRAPH_CONFIG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tg-'));
    const manifest = join(dir, 'manifest.json');
    const emulators = run('src/emulators.ts', ['--manifest', manifest], {});
    await emulators.waitFor(/emulators ready/);
    const document = JSON.parse(await readFile(manifest, 'utf8')) as unknown;
    const config = parseConfig(document, {});
    expect(config.sources.map((s) => s.kind)).toContain('control-panel');

    const server = run('src/server.ts', [], { PORT: '0', TICKETGRAPH_CONFIG: manifest });
    const [, url] = await server.waitFor(/ticketgraph listening on (http:\/\/\S+\/graphql)/);
    expect(server.output()).not.toContain('embedded emulators');
    // The manifest turns auth on (README, Securing it): a demo user's token from it.
    const token = (document as { demo: { tokens: Record<string, string> } }).demo.tokens['agent-northwind'];
    const result = await graphql(url!, '{ tickets(first: 5, filter: { sources: ["cp"] }) { edges { node { number } } } }', token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.tickets?.edges).toHaveLength(5);
  });
});
