/**
 * Keyset reading of one view (views.ts): the matching tickets strictly after a sort key.
 *
 * The cursor's offset is only a hint. Reading starts one ticket before it, and that ticket must
 * still be at or before the key; then everything at or before the key is skipped (tickets
 * created before the key push later ones forward; skipping them costs nothing extra). When the
 * ticket before the hint is already past the key (tickets before it were deleted, or left the
 * native filter), or there is no hint, the view is re-sought by key:
 * - pushed down as `createdAfter` / `createdBefore` / `updatedAfter` (inclusive; ties are
 *   skipped by key) where the source applies that filter exactly, reading from offset 0;
 * - otherwise by galloping from the hint and bisecting, one-ticket probes, O(log distance).
 */
import type { Ticket } from '../model.js';
import type { TicketFilter, TicketOrder } from '../sources/adapter.js';
import { compareKeys, keyOf, type SortKey } from './order.js';
import type { View } from './views.js';

/** How many native tickets one request may examine in one source before the page ends early. */
export const MAX_NATIVE_SCAN = 2_000;

export interface KeysetRequest {
  /** Read strictly after this key (view order); absent = from the view's start. */
  bound?: SortKey;
  /** View index of the first ticket after `bound`, as last seen. */
  hint?: number;
  want: number;
  /** Whether `match` may reject tickets the view returns (then one more match is looked for). */
  residual: boolean;
  match: (ticket: Ticket) => boolean;
  /** The view narrowed to tickets at or after `bound` natively, when the source can. */
  pushdown?: () => View;
  maxScan?: number;
}

export interface KeysetRead {
  /** Matching tickets after the bound, in view order, at most `want`. */
  tickets: Ticket[];
  /** Matching tickets may follow `tickets`. */
  hasMore: boolean;
  /** Every matching ticket up to this key (view order) is in `tickets`; null = to the end of the view. */
  coveredTo: SortKey | null;
  /** The view's total, when known. */
  total: number | null;
  /** View index of the first ticket after `key`, for a key in [bound, coveredTo]; undefined when unknown. */
  indexAfter(key: SortKey): number | undefined;
}

export async function readAfterKey(view: View, request: KeysetRequest): Promise<KeysetRead> {
  const compare = compareKeys(view.order);
  const { bound } = request;
  const key = (t: Ticket) => keyOf(t, view.order);
  const after = (t: Ticket) => !bound || compare(key(t), bound) > 0;
  const target = request.residual ? request.want + 1 : request.want;
  const chunk = (missing: number) => Math.min(view.maxPageSize, request.residual ? Math.max(missing * 2, 50) : missing);

  let active = view;
  /** Added to an index of `active` to make an index of `view`; null when unknown. */
  let base: number | null = 0;
  let index = 0;
  let prefetched: { tickets: Ticket[]; hasMore: boolean } | null = null;
  let fullTotal: number | null = null;

  if (bound) {
    let positioned = false;
    if (request.hint !== undefined) {
      const from = Math.max(0, request.hint - 1);
      const page = await view.read(from, Math.min(view.maxPageSize, target + 1));
      fullTotal = page.total;
      const before = page.tickets[0];
      if (request.hint === 0 || (before !== undefined && !after(before))) {
        positioned = true;
        index = from;
        prefetched = page;
      }
    }
    if (!positioned) {
      if (request.pushdown) {
        active = request.pushdown();
        index = 0;
        base = null; // set once the narrowed total is known
      } else {
        index = await lowerBound(view, after, request.hint ?? 0);
      }
    }
  }

  const matches: Ticket[] = [];
  const examined: SortKey[] = [];
  let firstAfter: number | null = null;
  let ended = false;
  let moreInStream = false;
  const start = index;
  let lastTotal: number | null = null;
  while (matches.length < target) {
    let page: { tickets: Ticket[]; hasMore: boolean; total?: number | null };
    if (prefetched) {
      page = prefetched;
      prefetched = null;
    } else {
      if (index - start >= (request.maxScan ?? MAX_NATIVE_SCAN)) break;
      page = await active.read(index, chunk(target - matches.length));
    }
    if (page.total !== undefined) lastTotal = page.total;
    let consumed = 0;
    for (const ticket of page.tickets) {
      consumed++;
      if (!after(ticket)) continue;
      firstAfter ??= index + consumed - 1;
      examined.push(key(ticket));
      if (request.match(ticket)) matches.push(ticket);
      if (matches.length === target) break;
    }
    index += consumed;
    if (matches.length === target) {
      moreInStream = consumed < page.tickets.length || page.hasMore;
      break;
    }
    if (!page.hasMore || page.tickets.length === 0) {
      ended = true;
      break;
    }
  }

  if (active !== view) {
    // Narrowed to [bound, end): its index 0 is the full view's (total - narrowed total).
    const narrowed = active.total();
    if (fullTotal === null && narrowed !== null) fullTotal = (await view.read(0, 1)).total;
    base = fullTotal !== null && narrowed !== null ? fullTotal - narrowed : null;
  } else {
    fullTotal = lastTotal ?? fullTotal ?? view.total();
  }

  const tickets = matches.slice(0, request.want);
  const last = tickets[tickets.length - 1];
  let hasMore: boolean;
  let coveredTo: SortKey | null;
  if (matches.length === target) {
    hasMore = request.residual || moreInStream;
    coveredTo = hasMore && last ? key(last) : null;
  } else if (ended) {
    hasMore = false;
    coveredTo = null;
  } else {
    // The scan budget ran out: everything examined is settled, nothing after it is.
    hasMore = true;
    coveredTo = examined[examined.length - 1] ?? bound ?? null;
  }
  const firstIndex = firstAfter ?? index;
  return {
    tickets,
    hasMore,
    coveredTo,
    total: fullTotal,
    indexAfter: base === null ? () => undefined : indexAfterExamined(base + firstIndex, examined, compare),
  };
}

/**
 * A read's `indexAfter`, made outside readAfterKey so that it holds the examined keys and not
 * readAfterKey's scope (the view and its pages): cursors made later keep it (see lazyEdges in
 * merged-connection.ts).
 */
function indexAfterExamined(firstIndex: number, examined: readonly SortKey[], compare: (a: SortKey, b: SortKey) => number): (boundary: SortKey) => number {
  return (boundary) => {
    let count = 0;
    while (count < examined.length && compare(examined[count] as SortKey, boundary) <= 0) count++;
    return firstIndex + count;
  };
}

/**
 * The first index whose ticket is after the key (or the view's length): gallop from `near`,
 * then bisect. Each probe reads one ticket.
 */
export async function lowerBound(view: View, isAfter: (ticket: Ticket) => boolean, near: number): Promise<number> {
  const past = async (i: number) => {
    const ticket = (await view.read(i, 1)).tickets[0];
    return ticket === undefined || isAfter(ticket);
  };
  let low = -1; // -1, or a ticket at or before the key
  let high: number; // a ticket after the key, or past the end
  const p = Math.max(0, near - 1);
  if (await past(p)) {
    high = p;
    for (let step = 1; high > 0; step *= 2) {
      const probe = Math.max(0, high - step);
      if (await past(probe)) high = probe;
      else {
        low = probe;
        break;
      }
    }
  } else {
    low = p;
    for (let step = 1; ; step *= 2) {
      const probe = low + step;
      if (await past(probe)) {
        high = probe;
        break;
      }
      low = probe;
    }
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await past(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The filter that narrows a view to tickets at or after `bound` (view order), when the source
 * applies that time filter exactly; null otherwise (UPDATED_AT descending has no vendor filter).
 */
export function boundFilter(filters: readonly (keyof TicketFilter)[], filter: TicketFilter, order: TicketOrder, bound: SortKey): TicketFilter | null {
  const at = new Date(bound.v);
  if (order.field === 'CREATED_AT' && order.direction === 'ASC' && filters.includes('createdAfter')) {
    return { ...filter, createdAfter: filter.createdAfter && filter.createdAfter > at ? filter.createdAfter : at };
  }
  if (order.field === 'CREATED_AT' && order.direction === 'DESC' && filters.includes('createdBefore')) {
    return { ...filter, createdBefore: filter.createdBefore && filter.createdBefore < at ? filter.createdBefore : at };
  }
  if (order.field === 'UPDATED_AT' && order.direction === 'ASC' && filters.includes('updatedAfter')) {
    return { ...filter, updatedAfter: filter.updatedAfter && filter.updatedAfter > at ? filter.updatedAfter : at };
  }
  return null;
}
