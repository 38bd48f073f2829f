/**
 * The residual filter: the gateway re-applies the whole TicketFilter to every ticket an
 * adapter returns, so a ticket matches or not by the same rule whichever source holds it,
 * even where a vendor's native filter is coarser (or its search looks at other fields).
 */
import type { Person, Ticket } from '../model.js';
import type { TicketFilter } from '../sources/adapter.js';

export function matchesFilter(ticket: Ticket, filter: TicketFilter): boolean {
  if (filter.status && !filter.status.includes(ticket.status)) return false;
  if (filter.priority && (ticket.priority === null || !filter.priority.includes(ticket.priority))) return false;
  if (filter.createdAfter && ticket.createdAt < filter.createdAfter) return false;
  if (filter.createdBefore && ticket.createdAt > filter.createdBefore) return false;
  if (filter.updatedAfter && ticket.updatedAt < filter.updatedAfter) return false;
  if (filter.creator !== undefined && !matchesPerson(ticket.creator, filter.creator)) return false;
  if (filter.assignee !== undefined && !matchesPerson(ticket.assignee, filter.assignee)) return false;
  if (filter.search !== undefined && !matchesSearch(ticket, filter.search)) return false;
  return true;
}

export function matchesPerson(person: Person | null, wanted: string): boolean {
  if (!person) return false;
  const needle = wanted.trim().toLowerCase();
  return [person.id, person.name, person.email].some((value) => value !== null && value.toLowerCase() === needle);
}

export function matchesSearch(ticket: Ticket, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return ticket.title.toLowerCase().includes(needle) || (ticket.description ?? '').toLowerCase().includes(needle);
}
