import type { Ticket } from '../model.js';
import type { TicketOrder } from '../sources/adapter.js';

/**
 * The merged order: the requested field, ties broken by source key then ticket number, all in
 * the requested direction — so the order is total, DESC is exactly ASC reversed, and it agrees
 * with vendors that break their own ties by id in the sort's direction.
 */
export function compareTickets(order: TicketOrder): (a: Ticket, b: Ticket) => number {
  const sign = order.direction === 'ASC' ? 1 : -1;
  const value = order.field === 'CREATED_AT' ? (t: Ticket) => t.createdAt.getTime() : (t: Ticket) => t.updatedAt.getTime();
  return (a, b) => sign * (value(a) - value(b) || compareStrings(a.sourceKey, b.sourceKey) || compareNumbers(a.number, b.number));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric when both are digits, so "9" sorts before "10". */
function compareNumbers(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return compareStrings(a, b);
}
