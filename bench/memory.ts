/**
 * 5. Memory: RSS and heap of the gateway process (after full GCs) through 10,000 mixed
 * requests — pages, cursors, residual filters, batched lookups, one ticket with comments,
 * backward paging, a non-native order — against its state after warm-up.
 */
import { body, graphql, runLoad, type LoadResult } from './load.js';
import { pool, round, stats, type Measurement, type Rig } from './measurements.js';
import * as Q from './queries.js';

/** 5. RSS and heap (after full GCs) through `requests` mixed requests, against after warm-up. */
export async function memory(rig: Rig): Promise<Measurement> {
  const url = rig.gateway.url;
  type Ids = { source: { tickets: { edges: { node: { id: string; number: string } }[] } } };
  const cp = await graphql<Ids>(url, Q.SOURCE_IDS, { key: 'cp', first: 10 });
  const tm = await graphql<Ids>(url, Q.SOURCE_IDS, { key: 'tm', first: 10 });
  const first = await graphql<{ tickets: { pageInfo: { endCursor: string } } }>(url, Q.TICKETS_PAGE);
  const ids = [...cp.source.tickets.edges, ...tm.source.tickets.edges].map((e) => e.node.id);
  const mix: [string, Record<string, unknown>?][] = [
    [Q.TICKETS_PAGE],
    [Q.TICKETS_PAGE, { after: first.tickets.pageInfo.endCursor }],
    [Q.FILTERED],
    [Q.NODES, { ids }],
    [Q.ONE_TICKET, { source: 'cp', number: cp.source.tickets.edges[3]?.node.number }],
    [Q.LAST_PAGE_ONE_SOURCE, { key: 'tm' }],
    [Q.BY_UPDATED],
    [Q.LOADED_DATA],
  ];
  for (const [document, variables] of mix) await graphql(url, document, variables);
  const bodies = mix.map(([document, variables]) => body(document, variables));
  const { warmup, requests, connections } = rig.settings.memory;
  const load = async (amount: number) => {
    const result = await runLoad({ url, bodies, connections, amount });
    await rig.clearCalls();
    if (result.failures > 0) throw new Error(`memory: ${result.failures} failed requests`);
    return result;
  };
  rig.log(`memory: ${warmup} warm-up + ${requests} mixed requests`);
  await load(warmup);
  // RSS after a full GC still moves by tens of MB between samples (freed pages the allocator
  // keeps or returns), so one sample against another mostly measures that. A leak is a trend:
  // fit a least-squares line through every sample and compare its end with its start.
  const samples = [await rig.gateway.memory()];
  const loads: LoadResult[] = [];
  const chunks = rig.settings.memory.samples;
  for (let i = 0; i < chunks; i++) {
    loads.push(await load(Math.floor((requests * (i + 1)) / chunks) - Math.floor((requests * i) / chunks)));
    samples.push(await rig.gateway.memory());
  }
  const rssTrend = trend(samples.map((m) => m.rss));
  const heapTrend = trend(samples.map((m) => m.heapUsed));
  const mb = (v: number) => `${(v / 1048576).toFixed(1)} MB`;
  const ratio = rssTrend.end / rssTrend.start;
  const heapRatio = heapTrend.end / heapTrend.start;
  return {
    id: 'memory',
    latencyMs: rig.latencyMs,
    title: `5 memory, ${requests} mixed requests`,
    measured: `trend end: RSS ${mb(rssTrend.end)}, heap ${mb(heapTrend.end)} (${heapRatio.toFixed(2)}x)`,
    baseline: `trend start: RSS ${mb(rssTrend.start)}, heap ${mb(heapTrend.start)}`,
    ratio,
    target: 'RSS and heap trend <= 1.10x',
    pass: ratio <= 1.1 && heapRatio <= 1.1,
    details: {
      warmup,
      requests,
      connections,
      heapRatio: round(heapRatio),
      rssMB: samples.map((m) => round(m.rss / 1048576)),
      heapUsedMB: samples.map((m) => round(m.heapUsed / 1048576)),
      externalMB: samples.map((m) => round(m.external / 1048576)),
      load: stats(pool(loads)),
      mix: mix.length,
    },
  };
}

/** Least-squares line through equally spaced samples: its values at the first and last. */
function trend(values: number[]): { start: number; end: number } {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { start: meanY - slope * meanX, end: meanY + slope * meanX };
}
