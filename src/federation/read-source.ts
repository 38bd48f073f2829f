/**
 * Reads the next matching tickets from one source's native stream: the adapter pushes down
 * what it can, the gateway re-applies the whole filter (residual filtering), and every ticket
 * comes back with the native offset just after it, which is what cursors carry.
 */
import type { Ticket } from '../model.js';
import type { CallOptions, SourceAdapter, TicketFilter, TicketOrder } from '../sources/adapter.js';
import { matchesFilter } from './filter.js';

/**
 * How many native tickets one request may scan in one source to find matches for a
 * residually filtered page. Past it the page ends early with hasNextPage = true and a cursor
 * that resumes where the scan stopped, so no request does unbounded work.
 */
export const MAX_NATIVE_SCAN = 2_000;

export interface PositionedTicket {
  ticket: Ticket;
  /** Native offset just after this ticket: where reading resumes after it. */
  nextOffset: number;
}

/** What reading a source needs of it: its key, its capabilities and its list call. */
export type ListingSource = Pick<SourceAdapter, 'key' | 'capabilities' | 'listTickets'>;

export interface SourceRead {
  tickets: PositionedTicket[];
  /** Native offset after the last native ticket examined. */
  scannedTo: number;
  /** Whether matches may follow. */
  hasMore: boolean;
  /** The vendor's total for the pushed-down filter, when it counts. */
  nativeTotal: number | null;
}

/** Fields of `filter` that the source does not apply exactly itself. */
export function residualFields(adapter: ListingSource, filter: TicketFilter): (keyof TicketFilter)[] {
  return (Object.keys(filter) as (keyof TicketFilter)[]).filter(
    (field) => filter[field] !== undefined && !adapter.capabilities.filters.includes(field),
  );
}

export function canSort(adapter: ListingSource, order: TicketOrder): boolean {
  return adapter.capabilities.sorts.some((s) => s.field === order.field && s.direction === order.direction);
}

/**
 * Collects up to `want` matching tickets from `offset` on. With a residual filter it looks one
 * match further (not consumed) so `hasMore` is exact rather than a guess.
 */
export async function readMatching(
  adapter: ListingSource,
  request: { filter: TicketFilter; order: TicketOrder; offset: number; want: number },
  options: CallOptions = {},
  maxScan = MAX_NATIVE_SCAN,
): Promise<SourceRead> {
  const residual = residualFields(adapter, request.filter).length > 0;
  const target = residual ? request.want + 1 : request.want;
  const found: PositionedTicket[] = [];
  let offset = request.offset;
  let ended = false;
  let moreAfterTarget = false;
  let nativeTotal: number | null = null;

  while (found.length < target && !ended && offset - request.offset < maxScan) {
    const missing = target - found.length;
    const limit = Math.min(adapter.capabilities.maxPageSize, residual ? Math.max(missing * 2, 50) : missing);
    const page = await adapter.listTickets({ filter: request.filter, order: request.order, offset, limit }, options);
    nativeTotal = page.totalCount;
    let examined = 0;
    for (const ticket of page.tickets) {
      examined++;
      if (matchesFilter(ticket, request.filter)) found.push({ ticket, nextOffset: offset + examined });
      if (found.length === target) break;
    }
    offset += examined;
    if (found.length === target) moreAfterTarget = examined < page.tickets.length || page.hasMore;
    else if (!page.hasMore || page.tickets.length === 0) ended = true;
  }

  if (found.length > request.want) {
    // The look-ahead match proves there is more; it stays unread.
    found.length = request.want;
    return { tickets: found, scannedTo: found[found.length - 1]?.nextOffset ?? request.offset, nativeTotal, hasMore: true };
  }
  const hasMore = found.length === target ? moreAfterTarget : !ended;
  return { tickets: found, scannedTo: offset, nativeTotal, hasMore };
}
