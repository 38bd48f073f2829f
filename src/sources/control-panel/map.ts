/**
 * Control-panel native records -> the unified model, and our filter -> its list query.
 * Tables here are the ones in README.md.
 */
import type { Comment, Person, Ticket, TicketStatus, Topic, Vote } from '../../model.js';
import type { MappingRow, SourceMappings, TicketFilter } from '../adapter.js';
import { originalOf, type CpComment, type CpTicket, type CpVote } from './native.js';

/**
 * `status_key` -> unified status. The public page shows one key, `in_progress`; the others are
 * this adapter's reading of the Control panel's ticket states (README, Status and priority).
 */
export const STATUS_BY_KEY: Readonly<Record<string, TicketStatus>> = {
  new: 'OPEN',
  in_progress: 'IN_PROGRESS',
  waiting_for_client: 'ON_HOLD',
  resolved: 'RESOLVED',
  closed: 'CLOSED',
};

/**
 * Records without `status_key` (the seed's revision) carry only the localized name: the English
 * one, lower-cased. The public page's sample pairs the name "Open" with `in_progress`.
 */
export const STATUS_BY_ENGLISH_NAME: Readonly<Record<string, TicketStatus>> = {
  new: 'OPEN',
  open: 'IN_PROGRESS',
  'waiting for your reply': 'ON_HOLD',
  resolved: 'RESOLVED',
  closed: 'CLOSED',
};

/** What a status this table does not know maps to (after `is_closed` / `is_resolved`). */
export const UNKNOWN_STATUS: TicketStatus = 'OPEN';

export const OPEN_STATUSES: readonly TicketStatus[] = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED'];
export const CLOSED_STATUSES: readonly TicketStatus[] = ['CLOSED', 'CANCELLED'];

type StatusFields = Pick<CpTicket, 'status' | 'status_key' | 'is_closed' | 'is_resolved'>;

function englishName(ticket: StatusFields): string | undefined {
  return ticket.status?.en?.trim().toLowerCase();
}

export function mapStatus(ticket: StatusFields): TicketStatus {
  // `is_closed` is the vendor's truth for only_opened/only_closed, so it wins over the key.
  if (ticket.is_closed === true) return 'CLOSED';
  const named = ticket.status_key != null ? STATUS_BY_KEY[ticket.status_key] : STATUS_BY_ENGLISH_NAME[englishName(ticket) ?? ''];
  if (named !== undefined && named !== 'CLOSED') return named;
  if (named === 'CLOSED' && ticket.is_closed === undefined) return 'CLOSED';
  return ticket.is_resolved === true ? 'RESOLVED' : UNKNOWN_STATUS;
}

/** The vendor's own word for the status: its key, else its English (or any) name. */
export function nativeStatusOf(ticket: StatusFields): string {
  if (ticket.status_key != null) return ticket.status_key;
  const name = ticket.status?.en ?? Object.values(ticket.status ?? {})[0];
  if (name !== undefined) return name;
  return ticket.is_closed === true ? 'closed' : 'unknown';
}

/** The tables above, as `describeMappings()` shows them. */
export function controlPanelMappings(): SourceMappings {
  const status: MappingRow<TicketStatus>[] = [
    ...Object.entries(STATUS_BY_KEY).map(([native, unified]) => ({
      native,
      unified,
      note: unified === 'CLOSED' ? 'status_key; any record with is_closed: true is CLOSED' : 'status_key, when is_closed is not true',
    })),
    ...Object.entries(STATUS_BY_ENGLISH_NAME).map(([native, unified]) => ({
      native: `status.en "${native}"`,
      unified,
      note: 'records without status_key, matched on the English name case-insensitively',
    })),
    { native: '(unknown, is_resolved: true)', unified: 'RESOLVED', note: 'unknown key or name, not closed, resolved' },
  ];
  // The API has no priority: no rows, `priority` is always null.
  return { status, priority: [], unknownStatus: UNKNOWN_STATUS };
}

export function mapVote(vote: CpVote | null | undefined): Vote | null {
  if (!vote) return null;
  return { score: vote.score, comment: vote.comment ?? null, createdAt: vote.created_at ? new Date(vote.created_at) : null };
}

function clientOf(ticket: CpTicket): Person | null {
  const email = ticket.client_emails?.[0] ?? null;
  const name = ticket.client_aliased_name ?? null;
  return email === null && name === null ? null : { id: email, name, email };
}

export function mapTicket(sourceKey: string, ticket: CpTicket): Ticket {
  const createdAt = new Date(ticket.created_at);
  return {
    sourceKey,
    number: String(ticket.number),
    title: ticket.summary,
    // The record has no description: a Control-panel ticket opens with its first comment.
    description: null,
    status: mapStatus(ticket),
    nativeStatus: nativeStatusOf(ticket),
    priority: null,
    nativePriority: null,
    creator: clientOf(ticket),
    assignee: null,
    createdAt,
    updatedAt: ticket.updated_at ? new Date(ticket.updated_at) : createdAt,
    closedAt: ticket.closed_at ? new Date(ticket.closed_at) : null,
    url: null,
    tags: [],
    // Neither the seed nor the public page shows a topic on the record (create takes one).
    topicKey: null,
    vote: mapVote(ticket.vote),
    raw: originalOf(ticket),
  };
}

export function mapComment(sourceKey: string, ticketNumber: string, comment: CpComment): Comment {
  return {
    sourceKey,
    ticketNumber,
    id: String(comment.id),
    body: comment.body,
    // Comments carry only who wrote them (client or staff), not a name.
    author: { id: null, name: comment.is_client_author === false ? 'Support' : 'Client', email: null },
    createdAt: new Date(comment.sent_at),
    vote: mapVote(comment.vote),
    raw: originalOf(comment),
  };
}

export function mapTopic(sourceKey: string, topic: { key: string; name: string }): Topic {
  return { sourceKey, key: topic.key, name: topic.name };
}

export interface CpListQuery {
  only_opened?: boolean;
  only_closed?: boolean;
}

/**
 * Narrows natively where that can never drop a match: only_opened/only_closed split on
 * `is_closed`, which decides CLOSED. The gateway re-applies the whole filter to what comes back.
 * Returns null when no ticket can match at all.
 */
export function toListQuery(filter: TicketFilter): CpListQuery | null {
  const query: CpListQuery = {};
  if (filter.status) {
    const wantsOpen = filter.status.some((s) => OPEN_STATUSES.includes(s));
    const wantsClosed = filter.status.includes('CLOSED');
    if (!wantsOpen && !wantsClosed) return null;
    if (wantsOpen && !wantsClosed) query.only_opened = true;
    if (wantsClosed && !wantsOpen) query.only_closed = true;
  }
  // Priority is never set on this vendor's tickets, so a priority filter matches nothing.
  if (filter.priority) return null;
  if (filter.assignee !== undefined) return null;
  // `search` is never sent as `q`: the public page calls `q` "Search query for Full-text search
  // of tickets", and a full-text match (whole words, stemming) can miss a substring the gateway
  // matches ("serv" in "server"), so narrowing by it could drop a match. The gateway filters.
  return query;
}
