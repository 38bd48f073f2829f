/**
 * Control-panel native records -> the unified model, and our filter -> its list query.
 * Tables here are the ones in README.md.
 */
import type { Comment, Person, Ticket, TicketStatus, Topic, Vote } from '../../model.js';
import type { TicketFilter } from '../adapter.js';
import type { CpComment, CpTicket, CpVote } from './native.js';

/** Status keys as the emulator README pins them; unknown keys fall back on the is_* flags. */
export const STATUS_BY_KEY: Readonly<Record<string, TicketStatus>> = {
  new: 'OPEN',
  open: 'OPEN',
  in_progress: 'IN_PROGRESS',
  waiting_for_client: 'ON_HOLD',
  on_hold: 'ON_HOLD',
  resolved: 'RESOLVED',
  closed: 'CLOSED',
};

export const OPEN_STATUSES: readonly TicketStatus[] = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED'];
export const CLOSED_STATUSES: readonly TicketStatus[] = ['CLOSED', 'CANCELLED'];

export function mapStatus(ticket: Pick<CpTicket, 'status' | 'is_closed' | 'is_resolved'>): TicketStatus {
  // `is_closed` is the vendor's truth for only_opened/only_closed, so it wins over the key.
  if (ticket.is_closed) return 'CLOSED';
  const byKey = STATUS_BY_KEY[ticket.status.key];
  if (byKey && byKey !== 'CLOSED') return byKey;
  return ticket.is_resolved ? 'RESOLVED' : 'OPEN';
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
    nativeStatus: ticket.status.key,
    priority: null,
    nativePriority: null,
    creator: clientOf(ticket),
    assignee: null,
    createdAt,
    updatedAt: ticket.updated_at ? new Date(ticket.updated_at) : createdAt,
    closedAt: ticket.closed_at ? new Date(ticket.closed_at) : null,
    url: null,
    tags: [],
    topicKey: ticket.topic_key ?? null,
    vote: mapVote(ticket.vote),
    raw: ticket,
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
    raw: comment,
  };
}

export function mapTopic(sourceKey: string, topic: { key: string; name: string }): Topic {
  return { sourceKey, key: topic.key, name: topic.name };
}

export interface CpListQuery {
  only_opened?: boolean;
  only_closed?: boolean;
  q?: string;
}

/**
 * Narrows natively where that can never drop a match: `q` searches more than title (comments,
 * client name), and only_opened/only_closed split on `is_closed`. The gateway re-applies the
 * whole filter to what comes back. Returns null when no ticket can match at all.
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
  const search = filter.search?.trim();
  if (search) query.q = search;
  return query;
}
