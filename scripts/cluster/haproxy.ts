/**
 * haproxy (Debian's `haproxy` package) in front of the replicas: round robin, health checks on
 * `/ready` (a draining replica answers 503 and leaves the pool), and a retry on another replica
 * when a connection fails, so a replica going away mid-load costs no request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const HAPROXY = process.env.HAPROXY ?? '/usr/sbin/haproxy';

export interface Haproxy {
  url: string;
  close(): Promise<void>;
}

export function haproxyConfig(port: number, backends: readonly { name: string; port: number }[]): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  retries 3',
    // A request that never reached a replica (refused, reset before any answer) goes to another one.
    '  retry-on conn-failure empty-response',
    '  option redispatch',
    'frontend graphql',
    `  bind 127.0.0.1:${port}`,
    '  option forwardfor',
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /ready',
    '  http-check expect status 200',
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check inter 300ms fall 1 rise 2`),
    '',
  ].join('\n');
}

export async function startHaproxy(dir: string, port: number, backends: readonly { name: string; port: number }[]): Promise<Haproxy> {
  if (!existsSync(HAPROXY)) throw new Error(`${HAPROXY} not found: install Debian's haproxy package (apt-get install haproxy)`);
  const file = join(dir, 'haproxy.cfg');
  await writeFile(file, haproxyConfig(port, backends));
  const child: ChildProcess = spawn(HAPROXY, ['-f', file, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${output}`);
    try {
      const response = await fetch(`${url}/health`);
      await response.text();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`haproxy did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
