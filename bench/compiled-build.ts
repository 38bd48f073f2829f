/**
 * The bench's server and emulator processes run JavaScript compiled by tsc, as a deployment
 * runs `dist/` (`npm run build`), not TypeScript through tsx: tsx makes esbuild keep function
 * names, so every closure created on a hot path costs an `Object.defineProperty` call (about
 * 20-30 µs per fan-out request in the gateway), which no deployment pays. Gateway and baselines
 * are compiled alike. `--tsx` runs the sources as before.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where tsconfig.bench.json puts src/ and bench/ (incremental: a rerun recompiles only what changed). */
const OUT_DIR = fileURLToPath(new URL('../node_modules/.cache/ticketgraph-bench/', import.meta.url));

export async function compileForBench(): Promise<string> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`tsc -p tsconfig.bench.json exited with ${code}`);
  return OUT_DIR;
}
