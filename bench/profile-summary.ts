/**
 * `tsx bench/profile-summary.ts FILE.cpuprofile [--top N]`: where a `--cpu-prof` profile's time
 * went — by owner (our src/, each package, Node itself, GC, idle), then the top functions by
 * self time and by inclusive time. The point is to tell what is ours to fix from what is not.
 * `--skip S`: leave out the first S seconds (start-up: module loading, schema building).
 * `--callers NAME`: the call stacks (nearest 6 frames) under which NAME spent its inclusive time.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' }, callers: { type: 'string' }, skip: { type: 'string', default: '0' } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) throw new Error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--skip SECONDS] [--callers FUNCTION_NAME]');
const top = Number(values.top);
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;

const skipUs = Number(values.skip) * 1e6;
if (skipUs > 0 && profile.samples && profile.timeDeltas) {
  // Recount hits from the samples taken after the skipped start.
  const hits = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas?.[i] ?? 0;
    if (t - profile.startTime >= skipUs) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  for (const n of profile.nodes) n.hitCount = hits.get(n.id) ?? 0;
  profile.startTime += skipUs;
}
const totalHits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
const msPerHit = (profile.endTime - profile.startTime) / 1000 / Math.max(1, totalHits);

/** Who a frame belongs to: `src/...` (ours), a package name, or Node / V8. */
export function owner(url: string, functionName: string): string {
  if (functionName === '(garbage collector)' || functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return '(native / V8)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node:' + (url.slice(5).split('/')[0] ?? '');
  const src = url.indexOf('/src/');
  if (src >= 0) return `ours: ${url.slice(src + 1).split('/').slice(0, 3).join('/')}`;
  const bench = url.indexOf('/bench/');
  if (bench >= 0) return `bench: ${url.slice(bench + 1)}`;
  return url;
}

const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + 14) : url.includes('/src/') ? url.slice(url.indexOf('/src/') + 1) : url;
  return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
};

const byOwner = new Map<string, number>();
const self = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  if (hits === 0) continue;
  const o = owner(n.callFrame.url, n.callFrame.functionName);
  byOwner.set(o, (byOwner.get(o) ?? 0) + hits);
  self.set(label(n), (self.get(label(n)) ?? 0) + hits);
}

// Inclusive hits per function, each counted once per stack even under recursion.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const inclusive = new Map<string, number>();
const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
function walk(id: number, onStack: Map<string, number>): number {
  const n = byId.get(id);
  if (!n) return 0;
  const key = label(n);
  onStack.set(key, (onStack.get(key) ?? 0) + 1);
  let hits = n.hitCount ?? 0;
  for (const child of n.children ?? []) hits += walk(child, onStack);
  const depth = onStack.get(key) ?? 1;
  if (depth === 1) inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
  onStack.set(key, depth - 1);
  return hits;
}
for (const n of profile.nodes) if (!childIds.has(n.id)) walk(n.id, new Map());

const busy = totalHits - (byOwner.get('(idle)') ?? 0);
const fmt = (hits: number) => `${(hits * msPerHit).toFixed(0).padStart(7)} ms ${((100 * hits) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
const print = (title: string, rows: Map<string, number>, n: number, skipIdle = true) => {
  console.log(`\n${title} (share of busy time)`);
  [...rows]
    .filter(([k]) => !(skipIdle && (k === '(idle)' || k.startsWith('(idle)'))))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`${fmt(v)}  ${k}`));
};
console.log(`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, busy ${(busy * msPerHit / 1000).toFixed(1)} s`);
print('By owner', byOwner, 40);
print('Top functions, self time', self, top);
print('Top functions, inclusive time', inclusive, top);

if (values.callers) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const subtree = (id: number): number => {
    const n = byId.get(id);
    return (n?.hitCount ?? 0) + (n?.children ?? []).reduce((s, c) => s + subtree(c), 0);
  };
  const stacks = new Map<string, number>();
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== values.callers) continue;
    const frames: string[] = [];
    for (let p = parent.get(n.id); p !== undefined && frames.length < 6; p = parent.get(p)) {
      const f = byId.get(p);
      if (f) frames.push(label(f));
    }
    const key = frames.join('\n      <- ');
    stacks.set(key, (stacks.get(key) ?? 0) + subtree(n.id));
  }
  print(`Callers of ${values.callers}`, stacks, 8);
}
