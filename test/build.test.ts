/**
 * The production build as the README runs it: `npm run build` (tsc with tsconfig.build.json),
 * then `node dist/server.js` serving the embedded emulators. Built into a scratch folder under
 * node_modules/.cache so the work tree stays clean and packages still resolve.
 */
import { spawn, execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const OUT = join(process.cwd(), 'node_modules', '.cache', 'ticketgraph-build-test');
const TSC = join(process.cwd(), 'node_modules', '.bin', 'tsc');

afterAll(() => rm(OUT, { recursive: true, force: true }));

describe('npm run build', () => {
  it('compiles src/ to JavaScript that node runs as the server', async () => {
    await promisify(execFile)(TSC, ['-p', 'tsconfig.build.json', '--outDir', OUT], { timeout: 120_000 });
    const child = spawn(process.execPath, [join(OUT, 'server.js')], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 30_000;
      let url: string | undefined;
      while (!url) {
        url = /listening on (http:\/\/\S+\/graphql)/.exec(output)?.[1];
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the built server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sources { key } }' }) });
      expect(await response.json()).toEqual({ data: { sources: [{ key: 'cp' }, { key: 'bk' }, { key: 'akana' }, { key: 'tm' }, { key: 'coc' }] } });
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);
});
