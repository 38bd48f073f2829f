/**
 * autocannon, with latencies taken from its per-response event (sub-millisecond, from
 * process.hrtime) rather than its histogram, which rounds to whole milliseconds: at 0 ms
 * emulator latency a p50 is a few ms, and rounding alone would move a ratio by 30%.
 */
import autocannon from 'autocannon';

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
  const seconds = (lastAnswer - started) / 1000;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length + non2xx;
  return {
    latencies,
    requests,
    seconds,
    rps: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((sum, v) => sum + v, 0) / Math.max(1, latencies.length),
    failures: result.errors + result.timeouts + non2xx,
  };
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
