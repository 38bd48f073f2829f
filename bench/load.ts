/**
 * autocannon, with latencies taken from its per-response event (sub-millisecond, from
 * process.hrtime) rather than its histogram, which rounds to whole milliseconds: at 0 ms
 * emulator latency a p50 is a few ms, and rounding alone would move a ratio by 30%.
 */
import autocannon from 'autocannon';
import { Client } from 'undici';

export interface LoadOptions {
  url: string;
  /** GraphQL request bodies; each connection sends them in turn. */
  bodies: string[];
  connections: number;
  /** Seconds; or a fixed number of requests with `amount`. */
  duration?: number;
  amount?: number;
}

export interface LoadResult {
  /** Sorted, ms, of the 2xx answers. */
  latencies: number[];
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  /** Socket errors, timeouts and non-2xx answers: any of them spoils the run. */
  failures: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  // autocannon notices the end only at its next sample tick: time the run to the last answer.
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        requests: options.bodies.map((body) => ({ method: 'POST', body })),
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 1 }),
        timeout: 30,
        sampleInt: 100,
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      lastAnswer = performance.now();
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else non2xx++;
    });
  });
  return loadResult(latencies, (lastAnswer - started) / 1000, latencies.length + non2xx, result.errors + result.timeouts + non2xx);
}

/** A LoadResult from the 2xx answers' latencies (ms, any order; sorted here) and the run's counts. */
export function loadResult(latencies: number[], seconds: number, requests: number, failures: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    requests,
    seconds,
    rps: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((sum, v) => sum + v, 0) / Math.max(1, latencies.length),
    failures,
  };
}

export interface AlternatingSide {
  url: string;
  /** GraphQL request bodies, sent in turn. */
  bodies: string[];
}

export interface AlternatingOptions {
  sides: AlternatingSide[];
  /** How long one side's turn lasts (whole requests: at least one). */
  turnSeconds: number;
  /** Seconds in all, every side's turns together; or this many `turns` per side. */
  duration?: number;
  turns?: number;
  /** Around each turn (the bench counts native calls per side with these): nothing runs meanwhile. */
  beforeTurn?: (side: number) => Promise<void>;
  afterTurn?: (side: number, requests: number) => Promise<void>;
}

/**
 * One connection per side, one request at a time, the sides taking turns of `turnSeconds` (the
 * order of the sides turns round each cycle), on connections kept open throughout. A side's
 * `seconds` is the time its own requests took, so its req/s is what one connection sent to it
 * alone would get.
 */
export async function runAlternating(options: AlternatingOptions): Promise<LoadResult[]> {
  const clients = options.sides.map((side) => ({ client: new Client(new URL(side.url).origin, { pipelining: 1 }), path: new URL(side.url).pathname }));
  const latencies: number[][] = options.sides.map(() => []);
  const failures = options.sides.map(() => 0);
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  const next = options.sides.map(() => 0);
  const ends = performance.now() + (options.duration ?? 0) * 1000;
  const more = (cycle: number) => (options.turns !== undefined ? cycle < options.turns : performance.now() < ends);
  try {
    for (let cycle = 0; more(cycle); cycle++) {
      for (let k = 0; k < options.sides.length; k++) {
        const i = (cycle + k) % options.sides.length;
        const side = options.sides[i] as AlternatingSide;
        const { client, path } = clients[i] as (typeof clients)[number];
        await options.beforeTurn?.(i);
        let answered = 0;
        const turnEnds = performance.now() + options.turnSeconds * 1000;
        for (let n = 0; n === 0 || performance.now() < turnEnds; n++) {
          const sent = next[i] ?? 0;
          next[i] = sent + 1;
          const body = side.bodies[sent % side.bodies.length] as string;
          const started = performance.now();
          try {
            const response = await client.request({ path, method: 'POST', headers, body });
            await response.body.text();
            if (response.statusCode >= 200 && response.statusCode < 300) latencies[i]?.push(performance.now() - started);
            else failures[i] = (failures[i] ?? 0) + 1;
          } catch {
            failures[i] = (failures[i] ?? 0) + 1;
          }
          answered++;
        }
        await options.afterTurn?.(i, answered);
      }
    }
  } finally {
    await Promise.all(clients.map(({ client }) => client.close()));
  }
  return latencies.map((values, i) => {
    const failed = failures[i] ?? 0;
    // The time the side's own (answered) requests took.
    return loadResult(values, values.reduce((sum, v) => sum + v, 0) / 1000, values.length + failed, failed);
  });
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** One request, for set-up and checks. Throws on HTTP failure or GraphQL errors. */
export async function graphql<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ').slice(0, 300)}`);
  return body.data as T;
}

export function body(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}
