/**
 * One source's tickets as an ordered stream with integer positions, in the requested order:
 * - natively sorted sources: positions are native offsets (after native filtering), read
 *   forward or backward a window at a time;
 * - sources that cannot sort that way: a bounded window (MAX_SORT_WINDOW matching tickets)
 *   read in the source's own order and sorted here; positions index that sorted window.
 * Native list calls are memoized per request, so no native page is fetched twice.
 */
import { GraphQLError } from 'graphql';
import type { CallOptions, ListTicketsRequest, SourceAdapter, TicketFilter, TicketOrder, TicketPage } from '../sources/adapter.js';
import { matchesFilter } from './filter.js';
import { canSort, MAX_NATIVE_SCAN, readMatching, residualFields, type ListingSource, type PositionedTicket } from './read-source.js';

export type { ListingSource };
import { compareTickets } from './order.js';

/** The most matching tickets a source that cannot sort natively may hold for one query. */
export const MAX_SORT_WINDOW = 1_000;


export interface ForwardRead {
  tickets: PositionedTicket[];
  hasMore: boolean;
  /** Where the read stopped looking; nothing matched in [position, scannedTo) beyond `tickets`. */
  scannedTo: number;
  nativeTotal: number | null;
}

export interface BackwardRead {
  /** Ascending, the last `want` matches before the bound. */
  tickets: PositionedTicket[];
  /** Lowest position examined: no match in [from, bound) beyond `tickets`. */
  from: number;
  /** Matches may exist before `from`. */
  hasMore: boolean;
  nativeTotal: number | null;
}

export interface TicketStream {
  readonly source: ListingSource;
  /** Whether totals from this stream can be exact for the query. */
  readonly countable: boolean;
  readAfter(position: number, want: number): Promise<ForwardRead>;
  /** `bound` null = from the end of the stream. */
  readBefore(bound: number | null, want: number): Promise<BackwardRead>;
}

export type ListMemo = Map<string, Promise<TicketPage>>;

/** The adapter's listTickets, answered once per distinct request within one GraphQL request. */
export function memoizedSource(adapter: SourceAdapter, memo: ListMemo): ListingSource {
  return {
    key: adapter.key,
    capabilities: adapter.capabilities,
    listTickets(request: ListTicketsRequest, options?: CallOptions) {
      const id = JSON.stringify([adapter.key, request]);
      let page = memo.get(id);
      if (!page) {
        page = adapter.listTickets(request, options);
        memo.set(id, page);
        // A failure is not cached: a retry later in the request may succeed.
        page.catch(() => memo.delete(id));
      }
      return page;
    },
  };
}

export function openStream(source: ListingSource, filter: TicketFilter, order: TicketOrder, options: CallOptions): TicketStream {
  if (canSort(source, order)) return nativeStream(source, filter, order, options);
  const native = source.capabilities.sorts[0];
  if (!native) {
    throw new GraphQLError(`[${source.key}] declares no native order`, { extensions: { code: 'UNSUPPORTED_OPERATION', source: source.key } });
  }
  return sortedWindowStream(source, filter, order, native, options);
}

function nativeStream(source: ListingSource, filter: TicketFilter, order: TicketOrder, options: CallOptions): TicketStream {
  return {
    source,
    countable: source.capabilities.totalCount && residualFields(source, filter).length === 0,
    async readAfter(position, want) {
      return readMatching(source, { filter, order, offset: position, want }, options);
    },
    async readBefore(bound, want) {
      const end = bound ?? (await streamLength(source, filter, order, options));
      const found: PositionedTicket[] = [];
      let from = end;
      let nativeTotal: number | null = null;
      const chunk = Math.min(source.capabilities.maxPageSize, residualFields(source, filter).length > 0 ? Math.max(want * 2, 50) : want);
      while (found.length < want && from > 0 && end - from < MAX_NATIVE_SCAN) {
        const start = Math.max(0, from - chunk);
        const page = await source.listTickets({ filter, order, offset: start, limit: from - start }, options);
        nativeTotal = page.totalCount;
        const matches = page.tickets
          .map((ticket, i) => ({ ticket, nextOffset: start + i + 1 }))
          .filter((p) => p.nextOffset <= from && matchesFilter(p.ticket, filter));
        found.unshift(...matches);
        from = start;
      }
      const kept = found.slice(Math.max(0, found.length - want));
      const dropped = found.length - kept.length;
      return { tickets: kept, from: dropped > 0 ? (kept[0]?.nextOffset ?? 1) - 1 : from, hasMore: dropped > 0 || from > 0, nativeTotal };
    },
  };
}

/**
 * The number of native tickets in the stream: the vendor's total where it gives one, else an
 * exponential then binary search with one-ticket pages (about 2·log2(n) calls).
 */
async function streamLength(source: ListingSource, filter: TicketFilter, order: TicketOrder, options: CallOptions): Promise<number> {
  const probe = (offset: number) => source.listTickets({ filter, order, offset, limit: 1 }, options);
  const first = await probe(0);
  if (first.totalCount !== null) return first.totalCount;
  if (first.tickets.length === 0) return 0;
  let low = 1; // known to exist: index low-1
  let high = 2;
  while ((await probe(high - 1)).tickets.length > 0) {
    low = high;
    high *= 2;
    if (high > 10_000_000) break;
  }
  // index low-1 exists, index high-1 does not.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if ((await probe(mid - 1)).tickets.length > 0) low = mid;
    else high = mid;
  }
  return low;
}

function sortedWindowStream(
  source: ListingSource,
  filter: TicketFilter,
  order: TicketOrder,
  native: TicketOrder,
  options: CallOptions,
): TicketStream {
  let window: Promise<PositionedTicket[]> | undefined;
  const load = () =>
    (window ??= (async () => {
      const read = await readMatching(source, { filter, order: native, offset: 0, want: MAX_SORT_WINDOW }, options, MAX_SORT_WINDOW * 4);
      if (read.hasMore) {
        throw new GraphQLError(
          `[${source.key}] cannot order by ${order.field} ${order.direction} natively and holds more than ${MAX_SORT_WINDOW} matching tickets; narrow the filter or order by ${native.field} ${native.direction}`,
          { extensions: { code: 'UNSUPPORTED_OPERATION', source: source.key, limit: MAX_SORT_WINDOW } },
        );
      }
      const compare = compareTickets(order);
      return read.tickets
        .map((p) => p.ticket)
        .sort(compare)
        .map((ticket, i) => ({ ticket, nextOffset: i + 1 }));
    })());
  return {
    source,
    countable: true,
    async readAfter(position, want) {
      const all = await load();
      const tickets = all.slice(position, position + want);
      return { tickets, hasMore: position + want < all.length, scannedTo: position + tickets.length, nativeTotal: all.length };
    },
    async readBefore(bound, want) {
      const all = await load();
      const end = Math.min(bound ?? all.length, all.length);
      const from = Math.max(0, end - want);
      return { tickets: all.slice(from, end), from, hasMore: from > 0, nativeTotal: all.length };
    },
  };
}
