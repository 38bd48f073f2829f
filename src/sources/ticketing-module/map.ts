/**
 * Ticketing-module records -> the unified model, and our filter/order -> the list body.
 * The tables here are the ones in README.md.
 */
import type { Person, Ticket, TicketPriority, TicketStatus } from '../../model.js';
import type { ListTicketsRequest, MappingRow, SourceMappings, TicketFilter, TicketOrder } from '../adapter.js';
import { reportSkippedRecord } from '../skipped-records.js';
import { TmTicket, type TmCondition, type TmGroup, type TmListBody, type TmPerson } from './native.js';

/**
 * Seed 003 shows `open` and `in_progress`; the rest are the emulator's (README). Aliases a
 * real deployment may send are mapped too, so the status pushdown below can exclude them.
 */
export const STATUS_BY_NATIVE: Readonly<Record<string, TicketStatus>> = {
  open: 'OPEN',
  new: 'OPEN',
  reopened: 'OPEN',
  in_progress: 'IN_PROGRESS',
  pending: 'ON_HOLD',
  on_hold: 'ON_HOLD',
  resolved: 'RESOLVED',
  closed: 'CLOSED',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
};
/** Where a status we have never seen lands; the status pushdown relies on this (see toNativeFilter). */
export const FALLBACK_STATUS: TicketStatus = 'OPEN';

/** Seed 003 shows `high` and `medium`. Unknown priorities map to null. */
export const PRIORITY_BY_NATIVE: Readonly<Record<string, TicketPriority>> = {
  critical: 'URGENT',
  urgent: 'URGENT',
  high: 'HIGH',
  medium: 'NORMAL',
  normal: 'NORMAL',
  low: 'LOW',
};

function lookup<T>(table: Readonly<Record<string, T>>, native: string): T | undefined {
  const key = native.trim().toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function mapStatus(native: string): TicketStatus {
  return lookup(STATUS_BY_NATIVE, native) ?? FALLBACK_STATUS;
}

export function mapPriority(native: string | null | undefined): TicketPriority | null {
  return native == null ? null : (lookup(PRIORITY_BY_NATIVE, native) ?? null);
}

function mapPerson(person: TmPerson | null | undefined): Person | null {
  if (!person) return null;
  const mapped = { id: person.id ?? null, name: person.name ?? null, email: person.email ?? null };
  return mapped.id === null && mapped.name === null && mapped.email === null ? null : mapped;
}

/** The status and priority tables as the graph shows them (`SourceAdapter.describeMappings`). */
export function describeTicketingMappings(): SourceMappings {
  const rows = <T extends string>(table: Readonly<Record<string, T>>): MappingRow<T>[] =>
    Object.entries(table).map(([native, unified]) => ({ native, unified, note: 'compared case-insensitively' }));
  return { status: rows(STATUS_BY_NATIVE), priority: rows(PRIORITY_BY_NATIVE), unknownStatus: FALLBACK_STATUS };
}

/**
 * The page's records, each parsed on its own: a record we cannot read (no ticketNumber, a
 * createdAt that is not ISO 8601, ...) is skipped and reported, never failing the page. An
 * unknown status or priority is not a reason to skip: it maps leniently (above).
 */
export function readTickets(sourceKey: string, records: readonly unknown[]): Ticket[] {
  const tickets: Ticket[] = [];
  for (const record of records) {
    const parsed = TmTicket.safeParse(record);
    if (parsed.success) {
      tickets.push(mapTicket(sourceKey, parsed.data));
      continue;
    }
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
    reportSkippedRecord({ source: sourceKey, record: 'ticket', reason: `unreadable ${field}: ${issue?.message ?? 'invalid'}` });
  }
  return tickets;
}

export function mapTicket(sourceKey: string, ticket: TmTicket): Ticket {
  const createdAt = new Date(ticket.createdAt);
  return {
    sourceKey,
    number: ticket.ticketNumber,
    title: ticket.subject,
    description: ticket.description ?? null,
    status: mapStatus(ticket.status),
    nativeStatus: ticket.status,
    priority: mapPriority(ticket.priority),
    nativePriority: ticket.priority ?? null,
    // The requester is who opened the ticket (seed: "requester" beside "assignee").
    creator: mapPerson(ticket.requester),
    assignee: mapPerson(ticket.assignee),
    createdAt,
    updatedAt: ticket.updatedAt ? new Date(ticket.updatedAt) : createdAt,
    // The record carries no closing time; updatedAt of a closed ticket is not one either.
    closedAt: null,
    url: null,
    tags: [...new Set([ticket.category, ticket.subcategory].filter((t): t is string => typeof t === 'string' && t !== ''))],
    topicKey: null,
    vote: null,
    raw: ticket,
  };
}

/** Condition ids are free-form on the wire (the seed uses UUIDs); ours are UUID-shaped and numbered. */
function conditionIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

function natives<T extends string>(table: Readonly<Record<string, T>>, wanted: readonly T[]): string[] {
  return Object.keys(table).filter((native) => wanted.includes(table[native] as T));
}

/**
 * Our filter as the vendor's filter tree; null when nothing can match. Every condition is
 * exact (README, "Filter pushdown"):
 * - status: `IN` the natives of the asked statuses; when the fallback status is asked, unknown
 *   natives map to it, so the condition is instead `NE` each known native of the other statuses.
 * - priority: `IN` its natives (unknown natives map to null, which no priority filter matches).
 * - createdAfter/createdBefore/updatedAfter: `GE`/`LE` on `createdAt`/`updatedAt`, ISO 8601.
 * Only flat conditions on the record's own top-level fields under one `AND`, as seed 003's
 * examples show: nested groups and dotted columns (`requester.email`) appear nowhere in the seed,
 * so creator/assignee are not pushed (the gateway filters them; README "Filter pushdown").
 */
export function toNativeFilter(filter: TicketFilter): TmGroup | null {
  const nextId = conditionIds();
  const operand: TmCondition[] = [];
  const condition = (column: string, op: TmCondition['op'], value: string | string[]): TmCondition => ({
    id: nextId(),
    op,
    column,
    operand: value,
  });
  if (filter.status) {
    if (filter.status.length === 0) return null;
    if (filter.status.includes(FALLBACK_STATUS)) {
      const excluded = Object.keys(STATUS_BY_NATIVE).filter((n) => !filter.status?.includes(STATUS_BY_NATIVE[n] as TicketStatus));
      operand.push(...excluded.map((native) => condition('status', 'NE', native)));
    } else {
      operand.push(condition('status', 'IN', natives(STATUS_BY_NATIVE, filter.status)));
    }
  }
  if (filter.priority) {
    if (filter.priority.length === 0) return null;
    operand.push(condition('priority', 'IN', natives(PRIORITY_BY_NATIVE, filter.priority)));
  }
  if (filter.createdAfter) operand.push(condition('createdAt', 'GE', filter.createdAfter.toISOString()));
  if (filter.createdBefore) operand.push(condition('createdAt', 'LE', filter.createdBefore.toISOString()));
  if (filter.updatedAfter) operand.push(condition('updatedAt', 'GE', filter.updatedAfter.toISOString()));
  return { op: 'AND', operand };
}

const SORT_COLUMN: Record<TicketOrder['field'], TmListBody['sort']> = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' };

/** The list body for one window; null when the filter can match nothing. */
export function toListBody(request: ListTicketsRequest): TmListBody | null {
  const filter = toNativeFilter(request.filter);
  if (filter === null) return null;
  return {
    // The vendor's search covers more fields than ours: coarser, never narrower (README).
    search: request.filter.search?.trim() ?? '',
    top: request.limit,
    offset: request.offset,
    sort: SORT_COLUMN[request.order.field],
    searchOrder: request.order.direction,
    sortOrder: [],
    filter,
  };
}

/** Many tickets by number in one call: one `IN` on `ticketNumber` (at most 100, the page limit). */
export function toLookupBody(numbers: readonly string[]): TmListBody {
  return {
    search: '',
    top: numbers.length,
    offset: 0,
    sort: 'createdAt',
    searchOrder: 'DESC',
    sortOrder: [],
    filter: { op: 'AND', operand: [{ id: conditionIds()(), op: 'IN', column: 'ticketNumber', operand: [...numbers] }] },
  };
}
