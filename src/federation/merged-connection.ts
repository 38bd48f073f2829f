/**
 * The merged `tickets` connection: each source's ordered stream (streams.ts), merged k-way
 * into one total order (order.ts). A page reads at most `count` matching tickets per source
 * from that source's own position, never the pages before it.
 *
 * Cursors carry every source's position after the edge (and which source the edge came from),
 * so page N+1 resumes exactly where page N stopped, forward or backward. A failing source is
 * reported and skipped; its position stays where it was, so a later page retries it there.
 */
import type { GatewayContext } from '../context.js';
import type { Ticket } from '../model.js';
import type { SourceAdapter, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { hashQuery, type CursorState } from './cursor.js';
import { compareTickets } from './order.js';
import type { PositionedTicket } from './read-source.js';
import { describeSourceFailure, type SourceFailure } from './source-errors.js';
import { memoizedSource, openStream, type ListMemo, type TicketStream } from './streams.js';

export interface MergedQuery {
  filter: TicketFilter;
  order: TicketOrder;
  sources: readonly SourceAdapter[];
}

export interface TicketEdgeShape {
  cursor: string;
  node: Ticket;
}

export interface TicketConnectionShape {
  edges: TicketEdgeShape[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
  totalCountHint: string | null;
  sourceErrors: SourceFailure[];
}

export type PageRequest = { direction: 'forward' | 'backward'; count: number; cursor: string | null };

interface SourceRead {
  stream: TicketStream;
  /** Ascending in stream order. */
  tickets: PositionedTicket[];
  hasMore: boolean;
  /** Position to use for this source when no edge from it is at or before a given edge. */
  floor: number;
  nativeTotal: number | null;
}

const requestMemos = new WeakMap<GatewayContext, ListMemo>();

/** After a write: nothing listed earlier in this request may be reused. */
export function forgetListings(ctx: GatewayContext): void {
  requestMemos.delete(ctx);
}

export function mergedQueryHash(query: MergedQuery): string {
  return hashQuery('tickets', query.sources.map((s) => s.key), query.filter, query.order);
}

export async function readTicketPage(ctx: GatewayContext, query: MergedQuery, page: PageRequest): Promise<TicketConnectionShape> {
  const hash = mergedQueryHash(query);
  const start: CursorState = page.cursor ? ctx.cursors.decode(page.cursor, hash) : { positions: {} };
  let memo = requestMemos.get(ctx);
  if (!memo) requestMemos.set(ctx, (memo = new Map()));
  const options = { signal: ctx.signal };
  const failures: SourceFailure[] = [];
  const want = Math.max(page.count, 1);

  const reads = await Promise.all(
    query.sources.map(async (adapter): Promise<SourceRead | null> => {
      const position = start.positions[adapter.key] ?? 0;
      try {
        const stream = openStream(memoizedSource(adapter, memo), query.filter, query.order, options);
        if (page.direction === 'forward') {
          const read = await stream.readAfter(position, want);
          // With no match in reach, the source resumes after what it scanned.
          return { stream, tickets: read.tickets, hasMore: read.hasMore, floor: read.tickets.length === 0 ? read.scannedTo : position, nativeTotal: read.nativeTotal };
        }
        // Backward: strictly before the cursor's edge, which is the last one read from `start.last`.
        const bound = page.cursor === null ? null : adapter.key === start.last ? Math.max(0, position - 1) : position;
        const read = await stream.readBefore(bound, want);
        return { stream, tickets: read.tickets, hasMore: read.hasMore, floor: read.from, nativeTotal: read.nativeTotal };
      } catch (error) {
        failures.push(describeSourceFailure(adapter.key, error));
        return null;
      }
    }),
  );
  const live = reads.filter((r): r is SourceRead => r !== null);
  const compare = compareTickets(query.order);

  // Every candidate, in merged order; a page is a contiguous run of it.
  const candidates = mergeSources(live, compare, page.direction);
  const chosen = page.direction === 'forward' ? candidates.slice(0, page.count) : candidates.slice(Math.max(0, candidates.length - page.count));

  // Positions after each chosen edge: the source's own next offset for sources with an item at
  // or before it, else the position the page started from (forward) or the read floor (backward).
  const positions: Record<string, number> = { ...start.positions };
  for (const read of live) {
    if (page.direction === 'backward') positions[read.stream.source.key] = read.floor;
    else if (read.tickets.length === 0) positions[read.stream.source.key] = read.floor;
  }
  if (page.direction === 'backward') {
    // Items of a source before the first chosen edge fix that source's position at the page start.
    const firstChosen = candidates.length - chosen.length;
    for (const { read, item } of candidates.slice(0, firstChosen)) positions[read.stream.source.key] = item.nextOffset;
  }
  const edges: TicketEdgeShape[] = chosen.map(({ read, item }) => {
    positions[read.stream.source.key] = item.nextOffset;
    const state = { positions: { ...positions }, last: read.stream.source.key };
    // Signed only if a client asks for it: most pages only need endCursor.
    let cursor: string | undefined;
    return {
      get cursor() {
        return (cursor ??= ctx.cursors.encode(hash, state));
      },
      node: item.ticket,
    };
  });

  const unconsumed = candidates.length > chosen.length;
  const anyMore = live.some((r) => r.hasMore);
  const hasPositions = Object.values(start.positions).some((p) => p > 0);
  const pageInfo =
    page.direction === 'forward'
      ? { hasNextPage: unconsumed || anyMore || failures.length > 0, hasPreviousPage: hasPositions }
      : { hasNextPage: page.cursor !== null, hasPreviousPage: unconsumed || anyMore };
  const endCursor =
    edges[edges.length - 1]?.cursor ?? (page.direction === 'forward' && pageInfo.hasNextPage ? ctx.cursors.encode(hash, { positions: { ...positions } }) : null);
  return {
    edges,
    pageInfo: { ...pageInfo, startCursor: edges[0]?.cursor ?? null, endCursor },
    ...totalCount(live, failures),
    sourceErrors: failures,
  };
}

type Candidate = { read: SourceRead; item: PositionedTicket };

/**
 * k-way merge that keeps each source's own stream order (a vendor may break ties its own
 * way; its positions must still be consumed in order): repeatedly take the smallest head.
 * Backward pages run the same merge from the ends: reversed streams, reversed comparison.
 */
function mergeSources(reads: SourceRead[], compare: (a: Ticket, b: Ticket) => number, direction: 'forward' | 'backward'): Candidate[] {
  const streams = reads.map((read) => {
    const items = read.tickets.map((item): Candidate => ({ read, item }));
    return direction === 'forward' ? items : items.reverse();
  });
  const before = direction === 'forward' ? compare : (a: Ticket, b: Ticket) => compare(b, a);
  const heads = streams.map(() => 0);
  const merged: Candidate[] = [];
  for (;;) {
    let best = -1;
    streams.forEach((stream, i) => {
      const head = stream[heads[i] as number];
      const current = best < 0 ? undefined : streams[best]?.[heads[best] as number];
      if (head && (!current || before(head.item.ticket, current.item.ticket) < 0)) best = i;
    });
    if (best < 0) return direction === 'forward' ? merged : merged.reverse();
    merged.push(streams[best]?.[heads[best] as number] as Candidate);
    heads[best] = (heads[best] as number) + 1;
  }
}

function totalCount(reads: SourceRead[], failures: SourceFailure[]): { totalCount: number | null; totalCountHint: string | null } {
  if (failures.length > 0) return { totalCount: null, totalCountHint: `not every source answered: ${failures.map((f) => f.source).join(', ')}` };
  const inexact: string[] = [];
  let total = 0;
  for (const read of reads) {
    const key = read.stream.source.key;
    if (!read.stream.countable) inexact.push(`${key} cannot count exactly for this filter`);
    else if (read.nativeTotal === null) inexact.push(`${key} did not report a count`);
    else total += read.nativeTotal;
  }
  return inexact.length > 0 ? { totalCount: null, totalCountHint: inexact.join('; ') } : { totalCount: total, totalCountHint: null };
}
