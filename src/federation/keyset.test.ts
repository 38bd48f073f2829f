/**
 * Keyset re-seeking against a fake vendor whose data moves between pages: tickets created,
 * deleted and moved out of a natively applied status filter while a sweep runs. The expectation
 * is computed here from the fake's own data (creation time, then number), not with the gateway's
 * order or filter code.
 */
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import type { Ticket, TicketStatus } from '../model.js';
import type { ListTicketsRequest, SourceAdapter, SourceCapabilities, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { createCursorCodec } from './cursor.js';
import { readTicketPage, type MergedQuery } from './merged-connection.js';

function ticket(n: number, createdSec: number, status: TicketStatus = 'OPEN'): Ticket {
  const at = new Date(Date.UTC(2025, 0, 1) + createdSec * 1000);
  return {
    sourceKey: 'm', number: String(n), title: `T${n}`, description: null, status, nativeStatus: status, priority: null, nativePriority: null,
    creator: null, assignee: null, createdAt: at, updatedAt: at, closedAt: null, url: null, tags: [], topicKey: null, vote: null, raw: {},
  };
}

interface Vendor {
  adapter: SourceAdapter;
  data: Ticket[];
  calls: ListTicketsRequest[];
}

/** Sorts by creation time (then number) itself; filters exactly by whatever `filters` lists. */
function vendor(options: { sorts: TicketOrder[]; filters: SourceCapabilities['filters']; totalCount?: boolean }): Vendor {
  const data: Ticket[] = [];
  const calls: ListTicketsRequest[] = [];
  const capabilities: SourceCapabilities = {
    filters: options.filters, sorts: options.sorts, maxPageSize: 20, totalCount: options.totalCount ?? true, batchLookup: null,
    comments: false, topics: false, writes: [], ticketScoreScale: null, commentScoreScale: null,
  };
  const adapter: SourceAdapter = {
    key: 'm', kind: 'control-panel', name: 'm', capabilities, identifiers: { ticketNumber: /^\d+$/, commentId: null },
    async listTickets(request) {
      calls.push(request);
      const f = request.filter;
      const has = (field: keyof TicketFilter) => capabilities.filters.includes(field) && f[field] !== undefined;
      const sign = request.order.direction === 'ASC' ? 1 : -1;
      const stream = data
        .filter((t) => !has('status') || f.status!.includes(t.status))
        .filter((t) => !has('createdAfter') || t.createdAt >= f.createdAfter!)
        .filter((t) => !has('createdBefore') || t.createdAt <= f.createdBefore!)
        .sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime() || Number(a.number) - Number(b.number)));
      return {
        tickets: stream.slice(request.offset, request.offset + request.limit),
        totalCount: capabilities.totalCount ? stream.length : null,
        hasMore: request.offset + request.limit < stream.length,
      };
    },
    getTickets: async () => [], listComments: async () => ({ comments: [], totalCount: 0, hasMore: false }), getComment: async () => null,
    listTopics: async () => [], close: async () => {},
  };
  return { adapter, data, calls };
}

function context(): GatewayContext {
  return { caller: null, sources: { all: [], get: () => undefined, require: () => { throw new Error('unused'); } }, cursors: createCursorCodec('k'), requestId: 't', deadline: { signal: undefined }, sourceFailures: [], scope: { requestId: 't', incomingHeaders: new Headers(), upstream: [] } };
}

const DESC: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' };
const ASC: TicketOrder = { field: 'CREATED_AT', direction: 'ASC' };

/**
 * Sweeps while `disturb(page)` changes the vendor's data between pages, and records which
 * tickets existed unchanged (same status, present) for the whole sweep.
 */
async function sweep(v: Vendor, query: MergedQuery, size: number, direction: 'forward' | 'backward', disturb: (page: number) => void) {
  const initial = new Map(v.data.map((t) => [t.number, t.status]));
  const touched = new Set<string>();
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 500; page++) {
    const result = await readTicketPage(context(), query, { direction, count: size, cursor });
    expect(result.sourceErrors).toEqual([]);
    const ids = result.edges.map((e) => e.node.number);
    if (direction === 'forward') seen.push(...ids);
    else seen.unshift(...ids);
    const before = new Map(v.data.map((t) => [t.number, t.status]));
    disturb(page);
    for (const [n, status] of before) if (v.data.find((t) => t.number === n)?.status !== status) touched.add(n);
    for (const t of v.data) if (!before.has(t.number)) touched.add(t.number);
    const more = direction === 'forward' ? result.pageInfo.hasNextPage : result.pageInfo.hasPreviousPage;
    if (!more) break;
    cursor = direction === 'forward' ? result.pageInfo.endCursor : result.pageInfo.startCursor;
  }
  const wanted = query.filter.status;
  const stable = [...initial.entries()]
    .filter(([n, status]) => !touched.has(n) && (!wanted || wanted.includes(status)))
    .map(([n]) => v.data.find((t) => t.number === n)!)
    .sort((a, b) => (query.order.direction === 'ASC' ? 1 : -1) * (a.createdAt.getTime() - b.createdAt.getTime()))
    .map((t) => t.number);
  return { seen, stable, touched };
}

function check({ seen, stable }: { seen: string[]; stable: string[] }) {
  expect(new Set(seen).size).toBe(seen.length);
  // Every unchanged ticket exactly once, in order.
  expect(seen.filter((n) => stable.includes(n))).toEqual(stable);
}

/** Between pages: one ticket created (newest), the oldest unseen-or-seen deleted, one flipped to CLOSED. */
function churn(v: Vendor) {
  let next = 1000;
  let clock = 10_000;
  return (page: number) => {
    v.data.push(ticket(next++, clock++));
    const victim = v.data[(page * 7) % v.data.length];
    if (victim) v.data.splice(v.data.indexOf(victim), 1);
    const flip = v.data[(page * 13 + 5) % v.data.length];
    if (flip) flip.status = flip.status === 'OPEN' ? 'CLOSED' : 'OPEN';
  };
}

function seed(v: Vendor) {
  for (let i = 1; i <= 120; i++) v.data.push(ticket(i, i * 10, i % 4 === 0 ? 'CLOSED' : 'OPEN'));
}

describe('keyset re-seek while data moves', () => {
  const kinds = {
    'pushdown (time filters exact)': () => vendor({ sorts: [DESC, ASC], filters: ['status', 'createdAfter', 'createdBefore'] }),
    'no pushdown (bisection)': () => vendor({ sorts: [DESC, ASC], filters: ['status'] }),
    'newest-first only, counted (flipped by total)': () => vendor({ sorts: [DESC], filters: ['status'] }),
    'newest-first only, no count (flipped, measured)': () => vendor({ sorts: [DESC], filters: ['status'], totalCount: false }),
  };
  for (const [name, make] of Object.entries(kinds)) {
    for (const order of [DESC, ASC]) {
      for (const direction of ['forward', 'backward'] as const) {
        it(`${name}: ${order.direction} ${direction}, status filter, pages of 7`, async () => {
          const v = make();
          seed(v);
          const result = await sweep(v, { filter: { status: ['OPEN'] }, order, sources: [v.adapter] }, 7, direction, churn(v));
          check(result);
          expect(result.stable.length).toBeGreaterThan(40);
        });
      }
    }
  }

  it('pushes the key down as a time bound when the hint no longer holds', async () => {
    const v = vendor({ sorts: [DESC, ASC], filters: ['status', 'createdAfter', 'createdBefore'] });
    seed(v);
    const query = { filter: {}, order: DESC, sources: [v.adapter] };
    const first = await readTicketPage(context(), query, { direction: 'forward', count: 10, cursor: null });
    // Deleting two of the tickets already read moves every later one back by two.
    v.data.splice(v.data.findIndex((t) => t.number === '120'), 1);
    v.data.splice(v.data.findIndex((t) => t.number === '119'), 1);
    v.calls.length = 0;
    const second = await readTicketPage(context(), query, { direction: 'forward', count: 10, cursor: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.number)).toEqual(['110', '109', '108', '107', '106', '105', '104', '103', '102', '101']);
    expect(v.calls.some((c) => c.filter.createdBefore?.getTime() === Date.UTC(2025, 0, 1) + 1110 * 1000)).toBe(true);
  });

  it('follows the hint in one call when nothing moved, at any depth', async () => {
    const v = vendor({ sorts: [DESC], filters: [] });
    for (let i = 1; i <= 400; i++) v.data.push(ticket(i, i * 10));
    for (const order of [DESC, ASC]) {
      const query = { filter: {}, order, sources: [v.adapter] };
      let cursor: string | null = null;
      const calls: number[] = [];
      for (let page = 0; page < 15; page++) {
        v.calls.length = 0;
        const result = await readTicketPage(context(), query, { direction: 'forward', count: 10, cursor });
        calls.push(v.calls.length);
        cursor = result.pageInfo.endCursor;
      }
      // ASC over a newest-first vendor: page 1 also asks for the total.
      expect(Math.max(...calls.slice(1))).toBeLessThanOrEqual(calls[0]!);
      expect(Math.max(...calls.slice(1))).toBe(1);
    }
  });
});

describe('at scale', () => {
  it('sweeps 12,000 tickets ascending from a newest-first vendor, no page costing more native calls than the first', async () => {
    const v = vendor({ sorts: [DESC], filters: [] });
    for (let i = 1; i <= 12_000; i++) v.data.push(ticket(i, i));
    const query = { filter: {}, order: ASC, sources: [v.adapter] };
    let cursor: string | null = null;
    let next = 1;
    let most = 0;
    let first = 0;
    for (let page = 0; page < 200; page++) {
      v.calls.length = 0;
      const result = await readTicketPage(context(), query, { direction: 'forward', count: 100, cursor });
      expect(result.sourceErrors).toEqual([]);
      for (const edge of result.edges) expect(edge.node.number).toBe(String(next++));
      if (page === 0) first = v.calls.length;
      else most = Math.max(most, v.calls.length);
      if (!result.pageInfo.hasNextPage) break;
      cursor = result.pageInfo.endCursor;
    }
    expect(next - 1).toBe(12_000);
    // 100 tickets from a vendor that pages by 20: five reads (plus the one-ticket check of the
    // hint on later pages, which page 1 spends on the total).
    expect(most).toBeLessThanOrEqual(first);
  });

  it('sorts up to 10,000 tickets in memory for an order the vendor lacks, and names the source and the bound past it', async () => {
    const UPDATED: TicketOrder = { field: 'UPDATED_AT', direction: 'ASC' };
    const small = vendor({ sorts: [DESC], filters: [] });
    for (let i = 1; i <= 10_000; i++) small.data.push(ticket(i, 20_000 - i));
    const ok = await readTicketPage(context(), { filter: {}, order: UPDATED, sources: [small.adapter] }, { direction: 'forward', count: 5, cursor: null });
    expect(ok.sourceErrors).toEqual([]);
    expect(ok.edges.map((e) => e.node.number)).toEqual(['10000', '9999', '9998', '9997', '9996']);
    // The next page reads nothing: the window is kept for the sweep.
    small.calls.length = 0;
    const second = await readTicketPage(context(), { filter: {}, order: UPDATED, sources: [small.adapter] }, { direction: 'forward', count: 5, cursor: ok.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.number)).toEqual(['9995', '9994', '9993', '9992', '9991']);
    expect(small.calls).toEqual([]);

    small.data.push(ticket(10_001, 1));
    const over = await readTicketPage(context(), { filter: { search: 'T' }, order: UPDATED, sources: [small.adapter] }, { direction: 'forward', count: 5, cursor: null });
    expect(over.sourceErrors).toEqual([
      expect.objectContaining({ source: 'm', code: 'UNSUPPORTED_OPERATION', message: expect.stringMatching(/^\[m\] cannot order by UPDATED_AT ASC.*more than 10000 tickets match/) }),
    ]);
  });
});

describe('bounded scans and failures', () => {
  it('ends a page early at the last key a sparse source examined, and loses or repeats nothing', async () => {
    // Vendor "m" cannot search, so the gateway scans; only every 2,500th ticket matches.
    const sparse = vendor({ sorts: [DESC, ASC], filters: [] });
    for (let i = 1; i <= 6_000; i++) sparse.data.push({ ...ticket(i, i * 2), title: i % 2_500 === 0 ? 'needle' : 'hay' });
    const dense = vendor({ sorts: [DESC, ASC], filters: [] });
    const d = { ...dense.adapter, key: 'd' };
    for (let i = 1; i <= 30; i++) dense.data.push({ ...ticket(i, i * 400 + 1), sourceKey: 'd', title: 'needle too' });
    for (const order of [DESC, ASC]) {
      const query = { filter: { search: 'needle' }, order, sources: [sparse.adapter, d] };
      const seen: string[] = [];
      let cursor: string | null = null;
      let short = 0;
      for (let page = 0; page < 100; page++) {
        const result = await readTicketPage(context(), query, { direction: 'forward', count: 50, cursor });
        if (result.edges.length < 50 && result.pageInfo.hasNextPage) short++;
        seen.push(...result.edges.map((e) => `${e.node.sourceKey}:${e.node.number}`));
        if (!result.pageInfo.hasNextPage) break;
        cursor = result.pageInfo.endCursor;
      }
      const want = [
        ...sparse.data.filter((t) => t.title === 'needle').map((t) => ({ id: `m:${t.number}`, at: t.createdAt.getTime() })),
        ...dense.data.map((t) => ({ id: `d:${t.number}`, at: t.createdAt.getTime() })),
      ]
        .sort((a, b) => (order.direction === 'ASC' ? a.at - b.at : b.at - a.at))
        .map((x) => x.id);
      expect(seen).toEqual(want);
      expect(short).toBeGreaterThan(0);
    }
  });

  it('keeps a failed source at its key in a backward sweep and picks it up later, in order from there', async () => {
    const a = vendor({ sorts: [DESC], filters: [] });
    for (let i = 1; i <= 60; i++) a.data.push(ticket(i, i * 10));
    const b = vendor({ sorts: [DESC], filters: [] });
    let down = false;
    const flaky: SourceAdapter = {
      ...b.adapter,
      key: 'b',
      listTickets: (request) => (down ? Promise.reject(new Error('b is down')) : b.adapter.listTickets(request)),
    };
    for (let i = 1; i <= 60; i++) b.data.push({ ...ticket(i, i * 10 + 5), sourceKey: 'b' });
    const query = { filter: {}, order: DESC, sources: [a.adapter, flaky] };
    const seen: string[] = [];
    let cursor: string | null = null;
    let failedPages = 0;
    for (let page = 0; page < 100; page++) {
      down = page === 2 || page === 3;
      const result = await readTicketPage(context(), query, { direction: 'backward', count: 10, cursor });
      if (down) {
        expect(result.sourceErrors.map((f) => f.source)).toEqual(['b']);
        failedPages++;
      } else expect(result.sourceErrors).toEqual([]);
      seen.unshift(...result.edges.map((e) => `${e.node.sourceKey}:${e.node.number}`));
      if (!result.pageInfo.hasPreviousPage) break;
      cursor = result.pageInfo.startCursor;
    }
    expect(failedPages).toBe(2);
    expect(new Set(seen).size).toBe(120);
    expect(seen.length).toBe(120);
    // a's tickets stay in order among themselves, and so do b's.
    const numbers = (key: string) => seen.filter((id) => id.startsWith(`${key}:`)).map((id) => Number(id.slice(2)));
    expect(numbers('a')).toEqual([...numbers('a')].sort((x, y) => y - x));
    expect(numbers('b')).toEqual([...numbers('b')].sort((x, y) => y - x));
  });
});
