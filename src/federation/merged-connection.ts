/**
 * The merged `tickets` connection: each source's ordered native stream, filtered (pushdown +
 * residual), merged k-way into one total order. A page reads at most `first` matching tickets
 * per source from that source's own position, never the pages before it.
 *
 * Cursors carry every source's native position after the edge, so page N+1 resumes exactly
 * where page N stopped. A failing source is reported and skipped; its position stays where it
 * was, so a later page retries it from there.
 */
import type { GatewayContext } from '../context.js';
import type { Ticket } from '../model.js';
import type { SourceAdapter, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { hashQuery } from './cursor.js';
import { canSort, readMatching, residualFields, type PositionedTicket } from './read-source.js';
import { describeSourceFailure, type SourceFailure } from './source-errors.js';

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

/** Compares two tickets in the requested order, ties broken by source key then number. */
export function compareTickets(order: TicketOrder): (a: Ticket, b: Ticket) => number {
  const sign = order.direction === 'ASC' ? 1 : -1;
  const value = order.field === 'CREATED_AT' ? (t: Ticket) => t.createdAt.getTime() : (t: Ticket) => t.updatedAt.getTime();
  return (a, b) =>
    sign * (value(a) - value(b)) ||
    compareStrings(a.sourceKey, b.sourceKey) ||
    compareNumbers(a.number, b.number);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric when both numbers are digits, so "9" sorts before "10". */
function compareNumbers(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return compareStrings(a, b);
}

export function mergedQueryHash(query: MergedQuery): string {
  return hashQuery('tickets', query.sources.map((s) => s.key), query.filter, query.order);
}

interface SourceState {
  adapter: SourceAdapter;
  position: number;
  buffer: PositionedTicket[];
  /** Native offset up to which the read looked; nothing in [position, scannedTo) matched beyond `buffer`. */
  scannedTo: number;
  hasMore: boolean;
  nativeTotal: number | null;
  failed: boolean;
}

export async function forwardPage(
  ctx: GatewayContext,
  query: MergedQuery,
  count: number,
  after: string | null,
): Promise<TicketConnectionShape> {
  const hash = mergedQueryHash(query);
  const start = after ? ctx.cursors.decode(after, hash).positions : {};
  const positions: Record<string, number> = {};
  for (const adapter of query.sources) positions[adapter.key] = start[adapter.key] ?? 0;

  const failures: SourceFailure[] = [];
  const sortable = query.sources.filter((adapter) => {
    if (canSort(adapter, query.order)) return true;
    failures.push({
      source: adapter.key,
      code: 'UNSUPPORTED_OPERATION',
      message: `[${adapter.key}] cannot return tickets ordered by ${query.order.field} ${query.order.direction}; supported: ${adapter.capabilities.sorts.map((s) => `${s.field} ${s.direction}`).join(', ')}`,
    });
    return false;
  });

  // At least one ticket per source even for first: 0, so hasNextPage is known.
  const want = Math.max(count, 1);
  const states: SourceState[] = await Promise.all(
    sortable.map(async (adapter): Promise<SourceState> => {
      const position = positions[adapter.key] ?? 0;
      try {
        const read = await readMatching(adapter, { filter: query.filter, order: query.order, offset: position, want }, { signal: ctx.signal });
        return { adapter, position, buffer: read.tickets, scannedTo: read.scannedTo, hasMore: read.hasMore, nativeTotal: read.nativeTotal, failed: false };
      } catch (error) {
        failures.push(describeSourceFailure(adapter.key, error));
        return { adapter, position, buffer: [], scannedTo: position, hasMore: false, nativeTotal: null, failed: true };
      }
    }),
  );

  const compare = compareTickets(query.order);
  const edges: TicketEdgeShape[] = [];
  const current = { ...positions };
  // A source that found no match within its scan bound resumes after what it scanned.
  for (const state of states) if (state.buffer.length === 0) current[state.adapter.key] = state.scannedTo;
  const heads = states.map(() => 0);
  while (edges.length < count) {
    let best = -1;
    states.forEach((state, i) => {
      const head = state.buffer[heads[i] ?? 0];
      const bestHead = best >= 0 ? states[best]?.buffer[heads[best] ?? 0] : undefined;
      if (head && (!bestHead || compare(head.ticket, bestHead.ticket) < 0)) best = i;
    });
    if (best < 0) break;
    const state = states[best] as SourceState;
    const item = state.buffer[heads[best] ?? 0] as PositionedTicket;
    heads[best] = (heads[best] ?? 0) + 1;
    current[state.adapter.key] = item.nextOffset;
    edges.push({ cursor: ctx.cursors.encode(hash, { positions: { ...current } }), node: item.ticket });
  }

  const hasNextPage = states.some((state, i) => (heads[i] ?? 0) < state.buffer.length || state.hasMore) || failures.some((f) => f.code !== 'UNSUPPORTED_OPERATION');
  const hasPreviousPage = Object.values(positions).some((p) => p > 0);
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? (hasNextPage ? ctx.cursors.encode(hash, { positions: { ...current } }) : null),
    },
    ...totalCount(query, states, failures),
    sourceErrors: failures,
  };
}

function totalCount(query: MergedQuery, states: SourceState[], failures: SourceFailure[]): { totalCount: number | null; totalCountHint: string | null } {
  if (failures.length > 0) return { totalCount: null, totalCountHint: `not every source answered: ${failures.map((f) => f.source).join(', ')}` };
  const inexact: string[] = [];
  let total = 0;
  for (const state of states) {
    const residual = residualFields(state.adapter, query.filter);
    if (state.nativeTotal === null || !state.adapter.capabilities.totalCount) inexact.push(`${state.adapter.key} cannot count`);
    else if (residual.length > 0) inexact.push(`${state.adapter.key} cannot filter by ${residual.join(', ')} natively`);
    else total += state.nativeTotal;
  }
  return inexact.length > 0 ? { totalCount: null, totalCountHint: inexact.join('; ') } : { totalCount: total, totalCountHint: null };
}
