/**
 * Stored records -> the JSON the seed's response samples show, keys in the seed's order, with
 * `status` as the public page shows it (a localized name object) and its `status_key`. No
 * `topic_key` on the record: neither the seed nor the public page shows one there (README).
 */
import { STATUS_NAMES, type CommentRecord, type TicketRecord, type VoteRecord } from './store.js';

/** "2019-08-24T14:15:22Z": whole seconds, UTC, as in the seed's samples. */
export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const isoOrNull = (epochSeconds: number | null): string | null =>
  epochSeconds === null ? null : isoSeconds(epochSeconds);

export interface WireVote {
  comment: string | null;
  created_at: string;
  score: number;
}

export interface WireTicket {
  client_aliased_name: string | null;
  client_emails: string[];
  closed_at: string | null;
  created_at: string;
  is_client_author: boolean;
  is_client_read: boolean;
  is_closed: boolean;
  is_resolved: boolean;
  number: number;
  splitted_from_ticket_number: number | null;
  status: { en: string; ru: string };
  status_key: string;
  summary: string;
  type: null;
  updated_at: string;
  vote: WireVote | null;
}

export interface WireComment {
  files: string[];
  body: string;
  id: number;
  is_client_author: boolean;
  is_client_read: boolean;
  sent_at: string;
  splitted_at: string | null;
  splitted_to_ticket_number: number | null;
  vote: WireVote | null;
}

export interface WireTicketList {
  item_count: number;
  items: WireTicket[];
  items_per_page: number;
  page: number;
  page_count: number;
}

export function wireVote(vote: VoteRecord): WireVote {
  return { comment: vote.comment, created_at: isoSeconds(vote.createdAt), score: vote.score };
}

export function wireTicket(ticket: TicketRecord): WireTicket {
  return {
    client_aliased_name: ticket.clientAliasedName,
    client_emails: [...ticket.clientEmails],
    closed_at: isoOrNull(ticket.closedAt),
    created_at: isoSeconds(ticket.createdAt),
    is_client_author: ticket.isClientAuthor,
    // Read by the client when every staff message has been read.
    is_client_read: ticket.comments.every((c) => c.isClientRead),
    is_closed: ticket.status === 'closed',
    is_resolved: ticket.isResolved,
    number: ticket.number,
    splitted_from_ticket_number: ticket.splittedFromTicketNumber,
    status: { ...STATUS_NAMES[ticket.status] },
    status_key: ticket.status,
    summary: ticket.summary,
    type: null,
    updated_at: isoSeconds(ticket.updatedAt),
    vote: ticket.vote ? wireVote(ticket.vote) : null,
  };
}

export function wireComment(comment: CommentRecord): WireComment {
  return {
    files: [...comment.files],
    body: comment.body,
    id: comment.id,
    is_client_author: comment.isClientAuthor,
    is_client_read: comment.isClientRead,
    sent_at: isoSeconds(comment.sentAt),
    splitted_at: isoOrNull(comment.splittedAt),
    splitted_to_ticket_number: comment.splittedToTicketNumber,
    vote: comment.vote ? wireVote(comment.vote) : null,
  };
}
