/**
 * A view: one source's tickets for one filter, in one order, addressable by index. The keyset
 * reader (keyset.ts) positions itself in a view by sort key; views hide how the order is made:
 * - native: the vendor sorts this way; index = native offset;
 * - flipped: the vendor only sorts the other way (e.g. newest first), so the view reads the
 *   native stream from its far end, using the native total (reported, or measured once and then
 *   carried in cursors as a hint);
 * - sorted window: the vendor can sort neither way by this field; the matching tickets (at most
 *   MAX_SORT_WINDOW) are read once per sweep, sorted here, and kept in a bounded in-process
 *   cache keyed by source, query hash and sweep, so later pages of the sweep read nothing.
 */
import { GraphQLError } from 'graphql';
import type { Ticket } from '../model.js';
import type { CallOptions, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { matchesFilter } from './filter.js';
import { compareTickets, reverseOrder } from './order.js';
import { canSort, type ListingSource } from './read-source.js';

export interface ViewPage {
  tickets: Ticket[];
  /** Tickets follow this window in the view. */
  hasMore: boolean;
  /** The view's total, when known. */
  total: number | null;
}

export interface View {
  readonly order: TicketOrder;
  /** Largest `limit` one read may ask for. */
  readonly maxPageSize: number;
  /** View indices [offset, offset + limit). */
  read(offset: number, limit: number): Promise<ViewPage>;
  /** The view's total as last seen (exact for native and window views when the vendor counts). */
  total(): number | null;
}

/** The most matching tickets a source that cannot sort by a field may hold for one query. */
export const MAX_SORT_WINDOW = 10_000;
/** The most native tickets read to build one sorted window (residual filters may drop many). */
export const MAX_WINDOW_SCAN = 50_000;

export interface ViewContext {
  options: CallOptions;
  /** The native total carried by the cursor, used by flipped views before they know better. */
  totalHint?: number;
  /** Identifies the sweep for the sorted-window cache. */
  windowKey: string;
}

export type ViewKind = 'native' | 'flipped' | 'window';

export function viewKind(source: ListingSource, order: TicketOrder): ViewKind {
  if (canSort(source, order)) return 'native';
  if (canSort(source, reverseOrder(order))) return 'flipped';
  return 'window';
}

export function openView(source: ListingSource, filter: TicketFilter, order: TicketOrder, context: ViewContext): View {
  switch (viewKind(source, order)) {
    case 'native':
      return nativeView(source, filter, order, context.options);
    case 'flipped':
      return flippedView(source, filter, order, context);
    case 'window':
      return windowView(source, filter, order, context);
  }
}

function nativeView(source: ListingSource, filter: TicketFilter, order: TicketOrder, options: CallOptions): View {
  let total: number | null = null;
  return {
    order,
    maxPageSize: source.capabilities.maxPageSize,
    async read(offset, limit) {
      const page = await source.listTickets({ filter, order, offset, limit }, options);
      total = page.totalCount;
      return { tickets: page.tickets, hasMore: page.hasMore, total: page.totalCount };
    },
    total: () => total,
  };
}

function flippedView(source: ListingSource, filter: TicketFilter, order: TicketOrder, context: ViewContext): View {
  const native = reverseOrder(order);
  const counts = source.capabilities.totalCount;
  const list = (offset: number, limit: number) => source.listTickets({ filter, order: native, offset, limit }, context.options);
  // Known: reported by the vendor in this request. Assumed: a cursor's hint, or measured.
  let known: number | null = null;
  let assumed: number | null = context.totalHint ?? null;
  const measure = async (): Promise<number> => {
    if (counts) {
      const probe = await list(0, 1);
      if (probe.totalCount !== null) return (known = probe.totalCount);
    }
    return (assumed = await streamLength(list));
  };
  return {
    order,
    maxPageSize: source.capabilities.maxPageSize,
    async read(offset, limit) {
      let total = known ?? assumed ?? (await measure());
      for (let attempt = 0; ; attempt++) {
        const end = total - offset;
        if (end <= 0 && known === null && counts && attempt === 0) {
          total = await measure();
          continue;
        }
        if (end <= 0) return { tickets: [], hasMore: false, total: known };
        const start = Math.max(0, end - limit);
        const page = await list(start, end - start);
        if (page.totalCount !== null) {
          known = page.totalCount;
          if (page.totalCount !== total && attempt === 0) {
            // The stream grew or shrank since the hint: read the window again where it now is.
            total = page.totalCount;
            continue;
          }
        }
        return { tickets: page.tickets.slice(0, end - start).reverse(), hasMore: start > 0, total: known };
      }
    },
    total: () => known ?? (counts ? null : assumed),
  };
}

/**
 * The number of native tickets in the stream, for vendors that do not count: an exponential
 * then binary search with one-ticket pages (about 2·log2(n) calls).
 */
async function streamLength(list: (offset: number, limit: number) => Promise<{ tickets: Ticket[] }>): Promise<number> {
  if ((await list(0, 1)).tickets.length === 0) return 0;
  let low = 1; // index low-1 exists
  let high = 2;
  while ((await list(high - 1, 1)).tickets.length > 0) {
    low = high;
    high *= 2;
    if (high > 10_000_000) break;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if ((await list(mid - 1, 1)).tickets.length > 0) low = mid;
    else high = mid;
  }
  return low;
}

interface WindowEntry {
  /** Ascending by the order's field (merged tie-break). */
  ascending: Promise<Ticket[]>;
  expires: number;
}

/**
 * Sorted windows, one per source × query × sweep, so every page of a sweep reads the same
 * snapshot and only the first page pays for it. Bounded in entries and age; an evicted window
 * is simply rebuilt (positions are sort keys, so a rebuilt window resumes correctly).
 * In-process: replicas behind a load balancer each build their own until this moves to a shared store.
 */
export class SortedWindowCache {
  private readonly entries = new Map<string, WindowEntry>();
  constructor(
    readonly maxEntries = 8,
    readonly ttlMs = 15 * 60_000,
  ) {}

  get(key: string, build: () => Promise<Ticket[]>, now = Date.now()): Promise<Ticket[]> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.ascending;
    }
    const entry: WindowEntry = { ascending: build(), expires: now + this.ttlMs };
    this.entries.set(key, entry);
    // A failed build is not kept: the next page tries again.
    entry.ascending.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const [old, value] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      if (value !== entry) this.entries.delete(old);
    }
    return entry.ascending;
  }

  get size(): number {
    return this.entries.size;
  }
}

export const sortedWindows = new SortedWindowCache();

function windowView(source: ListingSource, filter: TicketFilter, order: TicketOrder, context: ViewContext): View {
  const native = source.capabilities.sorts[0];
  if (!native) {
    throw new GraphQLError(`[${source.key}] declares no native order`, { extensions: { code: 'UNSUPPORTED_OPERATION', source: source.key } });
  }
  const ascendingOrder: TicketOrder = { field: order.field, direction: 'ASC' };
  let sorted: Ticket[] | undefined;
  const load = async (): Promise<Ticket[]> => {
    if (sorted) return sorted;
    const ascending = await sortedWindows.get(`${source.key}|${ascendingOrder.field}|${context.windowKey}`, async () => {
      const found: Ticket[] = [];
      const limit = source.capabilities.maxPageSize;
      for (let offset = 0; ; offset += limit) {
        if (offset >= MAX_WINDOW_SCAN) throw windowExceeded(source.key, order, native, `it holds more than ${MAX_WINDOW_SCAN} tickets to scan`);
        const page = await source.listTickets({ filter, order: native, offset, limit }, context.options);
        for (const ticket of page.tickets) if (matchesFilter(ticket, filter)) found.push(ticket);
        if (found.length > MAX_SORT_WINDOW) throw windowExceeded(source.key, order, native, `more than ${MAX_SORT_WINDOW} tickets match`);
        if (!page.hasMore || page.tickets.length === 0) break;
      }
      return found.sort(compareTickets(ascendingOrder));
    });
    return (sorted = order.direction === 'ASC' ? ascending : [...ascending].reverse());
  };
  let length: number | null = null;
  return {
    order,
    maxPageSize: Number.MAX_SAFE_INTEGER,
    async read(offset, limit) {
      const all = await load();
      length = all.length;
      return { tickets: all.slice(offset, offset + limit), hasMore: offset + limit < all.length, total: all.length };
    },
    total: () => length,
  };
}

function windowExceeded(source: string, order: TicketOrder, native: TicketOrder, why: string): GraphQLError {
  return new GraphQLError(
    `[${source}] cannot order by ${order.field} ${order.direction} natively, and ${why} (bound: ${MAX_SORT_WINDOW} matching tickets per source); narrow the filter or order by ${native.field} ${native.direction}`,
    { extensions: { code: 'UNSUPPORTED_OPERATION', source, bound: MAX_SORT_WINDOW } },
  );
}
