/**
 * What reading a source needs of it, and what its capabilities say about a query: which
 * filter fields it does not apply exactly (the gateway re-applies the whole filter anyway), and
 * whether it sorts natively in an order.
 */
import type { SourceAdapter, TicketFilter, TicketOrder } from '../sources/adapter.js';

/** What reading a source needs of it: its key, its capabilities and its list call. */
export type ListingSource = Pick<SourceAdapter, 'key' | 'capabilities' | 'listTickets'>;

/** Fields of `filter` that the source does not apply exactly itself. */
export function residualFields(adapter: ListingSource, filter: TicketFilter): (keyof TicketFilter)[] {
  return (Object.keys(filter) as (keyof TicketFilter)[]).filter(
    (field) => filter[field] !== undefined && !adapter.capabilities.filters.includes(field),
  );
}

export function canSort(adapter: ListingSource, order: TicketOrder): boolean {
  return adapter.capabilities.sorts.some((s) => s.field === order.field && s.direction === order.direction);
}
