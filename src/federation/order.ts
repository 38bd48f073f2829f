import type { Ticket } from '../model.js';
import type { TicketOrder } from '../sources/adapter.js';

/**
 * The merged order: the requested field, ties broken by source key then ticket number, all in
 * the requested direction — so the order is total, DESC is exactly ASC reversed, and it agrees
 * with vendors that break their own ties by id in the sort's direction.
 */
export function compareTickets(order: TicketOrder): (a: Ticket, b: Ticket) => number {
  const compare = compareKeys(order);
  return (a, b) => compare(keyOf(a, order), keyOf(b, order));
}

/**
 * A point in the merged order: sort value (epoch ms), source key, ticket number. Keyset
 * cursors carry these instead of offsets, so a position survives tickets appearing, leaving or
 * changing before it. Because the order is total, a key minted from one source's ticket is a
 * valid boundary for every other source too.
 */
export interface SortKey {
  v: number;
  s: string;
  n: string;
}

export function keyOf(ticket: Ticket, order: TicketOrder): SortKey {
  const date = order.field === 'CREATED_AT' ? ticket.createdAt : ticket.updatedAt;
  return { v: date.getTime(), s: ticket.sourceKey, n: ticket.number };
}

export function compareKeys(order: TicketOrder): (a: SortKey, b: SortKey) => number {
  const sign = order.direction === 'ASC' ? 1 : -1;
  return (a, b) => sign * (a.v - b.v || compareStrings(a.s, b.s) || compareNumbers(a.n, b.n));
}

export function reverseOrder(order: TicketOrder): TicketOrder {
  return { field: order.field, direction: order.direction === 'ASC' ? 'DESC' : 'ASC' };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric when both are digits, so "9" sorts before "10". */
function compareNumbers(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return compareStrings(a, b);
}
