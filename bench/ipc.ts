/**
 * The bench runs every server in its own process (so RSS and CPU profiles are the gateway's
 * alone, and the load generator never shares an event loop with what it measures). Parent and
 * children talk over Node's IPC channel: the child announces itself once, then answers calls.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Handler = (argument: unknown) => unknown;

interface Call {
  id: number;
  type: string;
  argument?: unknown;
}

interface Reply {
  id?: number;
  ready?: unknown;
  result?: unknown;
  error?: string;
}

/** Child side: announce `ready`, then answer calls by type. */
export function serveParent(ready: unknown, handlers: Record<string, Handler>): void {
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', (message: Call) => {
    const handler = handlers[message.type];
    void (async () => {
      try {
        if (!handler) throw new Error(`no handler for ${message.type}`);
        send({ id: message.id, result: (await handler(message.argument)) ?? null });
      } catch (error) {
        send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  // The parent going away (even by a crash) must not leave servers behind.
  process.on('disconnect', () => process.exit(0));
  send({ ready });
}

export interface ChildHandle<R> {
  ready: R;
  process: ChildProcess;
  call<T>(type: string, argument?: unknown): Promise<T>;
  /** Asks the child to exit (so `--cpu-prof` gets written), killing it if it doesn't. */
  stop(): Promise<void>;
}

export async function startChild<R>(
  script: string,
  options: {
    args?: string[];
    env?: Record<string, string>;
    execArgv?: string[];
    /** Run the script's tsc output in this folder (bench/compiled-build.ts) instead of its source through tsx. */
    compiledDir?: string | null;
  } = {},
): Promise<ChildHandle<R>> {
  // This file compiled (a bench script run with node from tsc's output): its sibling scripts are too.
  const compiled = import.meta.url.endsWith('.js')
    ? fileURLToPath(new URL(script.replace(/\.ts$/, '.js'), import.meta.url))
    : options.compiledDir
      ? join(options.compiledDir, 'bench', script.replace(/\.ts$/, '.js'))
      : null;
  const child = fork(compiled ?? fileURLToPath(new URL(script, import.meta.url)), options.args ?? [], {
    execArgv: [...(compiled ? [] : ['--import', 'tsx']), ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<R>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before it was ready`)));
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return resolve(reply.ready as R);
      const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
      if (!waiting || reply.id === undefined) return;
      pending.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(`${script}: ${reply.error}`));
      else waiting.resolve(reply.result);
    });
  });
  child.once('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${script} exited`));
    pending.clear();
  });
  return {
    ready,
    process: child,
    call<T>(type: string, argument?: unknown) {
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, type, argument } satisfies Call);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ id: 0, type: 'exit' } satisfies Call);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
