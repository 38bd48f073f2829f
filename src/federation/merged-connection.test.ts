/**
 * The merge engine against in-memory sources: every ticket exactly once and in order, forward
 * and backward, with residual filters, vendors that can't sort, and a source that fails.
 */
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import type { Ticket } from '../model.js';
import type { ListTicketsRequest, SourceAdapter, SourceCapabilities, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { createCursorCodec } from './cursor.js';
import { matchesFilter } from './filter.js';
import { keyedRun, mergeRuns, readTicketPage, type MergedQuery } from './merged-connection.js';
import { compareTickets } from './order.js';

function ticket(sourceKey: string, n: number, created: number, updated = created): Ticket {
  return {
    sourceKey,
    number: String(n),
    title: n % 3 === 0 ? `VPN issue ${n}` : `Printer ${n}`,
    description: null,
    status: n % 2 === 0 ? 'OPEN' : 'CLOSED',
    nativeStatus: 'x',
    priority: null,
    nativePriority: null,
    creator: null,
    assignee: null,
    createdAt: new Date(created * 1000),
    updatedAt: new Date(updated * 1000),
    closedAt: null,
    url: null,
    tags: [],
    topicKey: null,
    vote: null,
    raw: {},
  };
}

interface FakeOptions {
  sorts?: TicketOrder[];
  exactFilters?: SourceCapabilities['filters'];
  failing?: () => boolean;
}

/** A vendor over an array: sorts natively only by what it declares, filters exactly by status. */
function fakeSource(key: string, tickets: Ticket[], options: FakeOptions = {}): SourceAdapter & { calls: ListTicketsRequest[] } {
  const calls: ListTicketsRequest[] = [];
  const capabilities: SourceCapabilities = {
    filters: options.exactFilters ?? ['status'],
    sorts: options.sorts ?? [{ field: 'CREATED_AT', direction: 'DESC' }],
    maxPageSize: 30,
    totalCount: true,
    batchLookup: null,
    comments: false,
    topics: false,
    writes: [],
    ticketScoreScale: null,
    commentScoreScale: null,
  };
  return {
    key,
    kind: 'control-panel',
    name: key,
    capabilities,
    identifiers: { ticketNumber: /^[A-Za-z0-9_-]{1,64}$/, commentId: null },
    calls,
    async listTickets(request) {
      calls.push(request);
      if (options.failing?.()) throw new Error(`${key} is down`);
      const status = capabilities.filters.includes('status') ? request.filter.status : undefined;
      const stream = tickets.filter((t) => !status || status.includes(t.status)).sort(compareTickets(request.order));
      return {
        tickets: stream.slice(request.offset, request.offset + request.limit),
        totalCount: stream.length,
        hasMore: request.offset + request.limit < stream.length,
      };
    },
    getTickets: async () => [],
    listComments: async () => ({ comments: [], totalCount: 0, hasMore: false }),
    getComment: async () => null,
    listTopics: async () => [],
    close: async () => {},
  };
}

function context(): GatewayContext {
  return { caller: null, live: null, sources: { all: [], get: () => undefined, require: () => { throw new Error('unused'); } }, cursors: createCursorCodec('test'), requestId: 't', deadline: { signal: undefined }, sourceFailures: [], scope: { requestId: 't', incomingHeaders: new Headers(), upstream: [] } };
}

async function collect(query: MergedQuery, size: number, direction: 'forward' | 'backward'): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page = await readTicketPage(context(), query, { direction, count: size, cursor });
    const ids = page.edges.map((e) => `${e.node.sourceKey}:${e.node.number}`);
    if (direction === 'forward') seen.push(...ids);
    else seen.unshift(...ids);
    const more = direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return seen;
    cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error('did not end');
}

const a = Array.from({ length: 40 }, (_, i) => ticket('a', i + 1, 1000 + i * 7, 5000 - i * 3));
const b = Array.from({ length: 25 }, (_, i) => ticket('b', i + 1, 1003 + i * 11, 4000 + i));
// Same creation times as some of a's, to exercise the tie-break.
const c = Array.from({ length: 10 }, (_, i) => ticket('c', i + 100, 1000 + i * 14));

function expected(filter: TicketFilter, order: TicketOrder): string[] {
  return [...a, ...b, ...c].filter((t) => matchesFilter(t, filter)).sort(compareTickets(order)).map((t) => `${t.sourceKey}:${t.number}`);
}

describe('readTicketPage', () => {
  const orders: TicketOrder[] = [
    { field: 'CREATED_AT', direction: 'DESC' },
    { field: 'CREATED_AT', direction: 'ASC' },
    { field: 'UPDATED_AT', direction: 'DESC' },
  ];
  const filters: TicketFilter[] = [{}, { status: ['OPEN'] }, { search: 'vpn' }, { search: 'vpn', status: ['CLOSED'] }];

  for (const order of orders) {
    for (const filter of filters) {
      for (const size of [1, 7, 50]) {
        it(`${order.field} ${order.direction}, ${JSON.stringify(filter)}, pages of ${size}: forward and backward agree with the reference`, async () => {
          const sources = [fakeSource('a', a), fakeSource('b', b, { exactFilters: [] }), fakeSource('c', c)];
          const query = { filter, order, sources };
          const want = expected(filter, order);
          expect(await collect(query, size, 'forward')).toEqual(want);
          expect(await collect(query, size, 'backward')).toEqual(want);
        });
      }
    }
  }

  it('reads only from the cursor on, not the pages before it', async () => {
    const source = fakeSource('a', a);
    const query = { filter: {}, order: orders[0]!, sources: [source] };
    const first = await readTicketPage(context(), query, { direction: 'forward', count: 10, cursor: null });
    source.calls.length = 0;
    await readTicketPage(context(), query, { direction: 'forward', count: 10, cursor: first.pageInfo.endCursor });
    // One call, starting one ticket before the hint: that ticket proves the hint still holds.
    expect(source.calls.map((c) => c.offset)).toEqual([9]);
  });

  it('keeps going without a failed source, keeps its position, and picks it up on a later page', async () => {
    let down = true;
    const flaky = fakeSource('b', b, { failing: () => down });
    const query = { filter: {}, order: orders[0]!, sources: [fakeSource('a', a), flaky] };
    const first = await readTicketPage(context(), query, { direction: 'forward', count: 5, cursor: null });
    expect(first.sourceErrors.map((f) => f.source)).toEqual(['b']);
    expect(first.edges.every((e) => e.node.sourceKey === 'a')).toBe(true);
    expect(first.totalCount).toBeNull();
    down = false;
    const second = await readTicketPage(context(), query, { direction: 'forward', count: 5, cursor: first.pageInfo.endCursor });
    expect(second.sourceErrors).toEqual([]);
    // b restarts from its own beginning: its newest ticket comes back.
    const newestB = [...b].sort(compareTickets(orders[0]!))[0]!;
    expect(second.edges.map((e) => e.node.number)).toContain(newestB.number);
  });

  it('sorts in memory, within a bound, for a source that cannot sort that way', async () => {
    const order: TicketOrder = { field: 'UPDATED_AT', direction: 'ASC' };
    const sources = [fakeSource('a', a, { sorts: [{ field: 'CREATED_AT', direction: 'DESC' }] }), fakeSource('b', b)];
    expect(await collect({ filter: {}, order, sources }, 9, 'forward')).toEqual(
      [...a, ...b].sort(compareTickets(order)).map((t) => `${t.sourceKey}:${t.number}`),
    );
  });

  it('counts exactly only when every source counts exactly', async () => {
    const exact = await readTicketPage(context(), { filter: { status: ['OPEN'] }, order: orders[0]!, sources: [fakeSource('a', a), fakeSource('c', c)] }, { direction: 'forward', count: 1, cursor: null });
    expect(exact.totalCount).toBe(expected({ status: ['OPEN'] }, orders[0]!).filter((id) => !id.startsWith('b:')).length);
    const inexact = await readTicketPage(context(), { filter: { search: 'vpn' }, order: orders[0]!, sources: [fakeSource('a', a)] }, { direction: 'forward', count: 1, cursor: null });
    expect(inexact.totalCount).toBeNull();
    expect(inexact.totalCountHint).toMatch(/a cannot count exactly/);
  });
});

describe('mergeRuns', () => {
  const desc: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' };
  const names = (chosen: { ticket: Ticket }[]) => chosen.map((c) => `${c.ticket.sourceKey}${c.ticket.number}`);
  // Newest first; ties by source key, then number, both in the direction (DESC: b before a, 10 before 9).
  const compareDesc = (x: { v: number; s: string; n: string }, y: { v: number; s: string; n: string }) =>
    y.v - x.v || (x.s < y.s ? 1 : x.s > y.s ? -1 : 0) || Number(y.n) - Number(x.n);
  const merge = (runs: Ticket[][], count: number, settled: { v: number; s: string; n: string } | null) =>
    mergeRuns(runs.map((run) => keyedRun(run, desc, compareDesc)), compareDesc, count, settled);

  it('interleaves runs newest first and stops at the count', () => {
    const a = [ticket('a', 1, 90), ticket('a', 2, 70), ticket('a', 3, 10)];
    const b = [ticket('b', 4, 80), ticket('b', 5, 70), ticket('b', 6, 60)];
    expect(names(merge([a, b], 4, null))).toEqual(['a1', 'b4', 'b5', 'a2']);
    expect(names(merge([a, b], 10, null))).toEqual(['a1', 'b4', 'b5', 'a2', 'b6', 'a3']);
  });

  it('puts a run whose vendor broke ties its own way back in the merged order', () => {
    const a = [ticket('a', 9, 50), ticket('a', 10, 50), ticket('a', 11, 40)];
    expect(names(merge([a], 3, null))).toEqual(['a10', 'a9', 'a11']);
  });

  it('takes nothing past the settled key', () => {
    const a = [ticket('a', 1, 90), ticket('a', 2, 50)];
    const b = [ticket('b', 3, 80)];
    expect(names(merge([a, b], 5, { v: 80_000, s: 'b', n: '3' }))).toEqual(['a1', 'b3']);
    expect(names(merge([a, b], 5, { v: 85_000, s: 'a', n: '0' }))).toEqual(['a1']);
  });
});
