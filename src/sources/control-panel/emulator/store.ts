/**
 * The emulator's in-memory state: seeded tickets and comments, changed by the write calls and
 * read back by later calls. Times are whole epoch seconds, as the seed's timestamps carry no
 * fraction ("2019-08-24T14:15:22Z").
 */
import { TOPICS, type TopicEntry } from './catalog.js';
import { ApiError, notFound } from './errors.js';

/**
 * The seed collapses `status` to `{…}`. The vendor's public page (Tickets API v1.1.0, create's
 * 200 sample) shows it as a localized name, `"status": {"en": "Open", "ru": "Открыт"}`, next to
 * `"status_key": "in_progress"`: the key this emulator keeps, the names it sends (README).
 */
export const STATUS_NAMES = {
  new: { en: 'New', ru: 'Новый' },
  // The docs' one sample pairs status_key `in_progress` with the name "Open" / "Открыт".
  in_progress: { en: 'Open', ru: 'Открыт' },
  waiting_for_client: { en: 'Waiting for your reply', ru: 'Ожидает вашего ответа' },
  resolved: { en: 'Resolved', ru: 'Решён' },
  closed: { en: 'Closed', ru: 'Закрыт' },
} as const;
export type StatusKey = keyof typeof STATUS_NAMES;

export interface VoteRecord {
  comment: string | null;
  createdAt: number;
  score: number;
}

export interface CommentRecord {
  id: number;
  ticketNumber: number;
  files: string[];
  body: string;
  isClientAuthor: boolean;
  isClientRead: boolean;
  sentAt: number;
  splittedAt: number | null;
  splittedToTicketNumber: number | null;
  vote: VoteRecord | null;
}

export interface TicketRecord {
  number: number;
  summary: string;
  clientAliasedName: string | null;
  clientEmails: string[];
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  isClientAuthor: boolean;
  isResolved: boolean;
  status: StatusKey;
  splittedFromTicketNumber: number | null;
  topicKey: string | null;
  vote: VoteRecord | null;
  /** Oldest first; the first one is the message the ticket was opened with. */
  comments: CommentRecord[];
}

export interface TicketQuery {
  onlyOpened: boolean;
  onlyClosed: boolean;
  q: string | null;
}

export interface NewTicket {
  summary: string;
  comment_body: string;
  files?: string[] | undefined;
  client_aliased_name?: string | undefined;
  client_emails?: string[] | undefined;
  topic_key?: string | undefined;
}

export interface TicketPatch {
  client_aliased_name?: string | null | undefined;
  client_emails?: string[] | undefined;
}

export interface NewComment {
  body: string;
  files?: string[] | undefined;
}

export interface NewVote {
  score: number;
  comment?: string | undefined;
}

export class ControlPanelStore {
  readonly topics: readonly TopicEntry[] = TOPICS;
  private readonly tickets = new Map<number, TicketRecord>();
  private readonly comments = new Map<number, CommentRecord>();
  /** Newest first by created_at then number: the list order. */
  private readonly ordered: TicketRecord[];
  private lastTicketNumber = 0;
  private lastCommentId = 0;
  private lastStamp = 0;
  private readonly wallStart = Date.now();

  constructor(
    seeded: TicketRecord[],
    private readonly now: Date,
  ) {
    for (const ticket of seeded) {
      this.tickets.set(ticket.number, ticket);
      this.lastTicketNumber = Math.max(this.lastTicketNumber, ticket.number);
      this.lastStamp = Math.max(this.lastStamp, ticket.updatedAt);
      for (const comment of ticket.comments) {
        this.comments.set(comment.id, comment);
        this.lastCommentId = Math.max(this.lastCommentId, comment.id);
        this.lastStamp = Math.max(this.lastStamp, comment.vote?.createdAt ?? 0);
      }
    }
    this.ordered = [...seeded].sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
  }

  /**
   * Write time: the data's "now" plus the wall time since start, strictly increasing so that
   * tickets created in one burst still have distinct created_at.
   */
  private stamp(): number {
    const wall = Math.floor(this.now.getTime() / 1000) + Math.floor((Date.now() - this.wallStart) / 1000);
    this.lastStamp = Math.max(wall, this.lastStamp + 1);
    return this.lastStamp;
  }

  hasTopic(key: string): boolean {
    return this.topics.some((t) => t.key === key);
  }

  listTickets(query: TicketQuery): TicketRecord[] {
    const needle = query.q?.toLowerCase() ?? null;
    return this.ordered.filter((t) => {
      if (query.onlyOpened && t.status === 'closed') return false;
      if (query.onlyClosed && t.status !== 'closed') return false;
      if (needle === null) return true;
      return (
        t.summary.toLowerCase().includes(needle) ||
        (t.clientAliasedName?.toLowerCase().includes(needle) ?? false) ||
        t.comments.some((c) => c.body.toLowerCase().includes(needle))
      );
    });
  }

  getTicket(number: number): TicketRecord {
    const ticket = this.tickets.get(number);
    if (!ticket) throw notFound(`ticket ${number}`);
    return ticket;
  }

  getComment(id: number): CommentRecord {
    const comment = this.comments.get(id);
    if (!comment) throw notFound(`comment ${id}`);
    return comment;
  }

  createTicket(input: NewTicket): TicketRecord {
    const at = this.stamp();
    const ticket: TicketRecord = {
      number: ++this.lastTicketNumber,
      summary: input.summary,
      clientAliasedName: input.client_aliased_name ?? null,
      clientEmails: input.client_emails ?? [],
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      isClientAuthor: true,
      isResolved: false,
      status: 'new',
      splittedFromTicketNumber: null,
      topicKey: input.topic_key ?? null,
      vote: null,
      comments: [],
    };
    this.tickets.set(ticket.number, ticket);
    this.ordered.unshift(ticket);
    this.appendComment(ticket, { body: input.comment_body, files: input.files }, at);
    return ticket;
  }

  updateTicket(number: number, patch: TicketPatch): TicketRecord {
    const ticket = this.getTicket(number);
    if (patch.client_aliased_name !== undefined) ticket.clientAliasedName = patch.client_aliased_name;
    if (patch.client_emails !== undefined) ticket.clientEmails = patch.client_emails;
    if (patch.client_aliased_name !== undefined || patch.client_emails !== undefined) ticket.updatedAt = this.stamp();
    return ticket;
  }

  addComment(number: number, input: NewComment): CommentRecord {
    const ticket = this.getTicket(number);
    if (ticket.status === 'closed') {
      throw new ApiError(409, 'ticket_closed', `ticket ${number} is closed; reopen it to add a message`);
    }
    // A client's reply puts a ticket that waited on the client back into the staff's queue.
    if (ticket.status !== 'new') ticket.status = 'in_progress';
    ticket.isResolved = false;
    return this.appendComment(ticket, input, this.stamp());
  }

  closeTicket(number: number, vote: NewVote | null): TicketRecord {
    const ticket = this.getTicket(number);
    if (ticket.status === 'closed') throw new ApiError(409, 'ticket_closed', `ticket ${number} is already closed`);
    const at = this.stamp();
    ticket.isResolved = ticket.status === 'resolved';
    ticket.status = 'closed';
    ticket.closedAt = at;
    ticket.updatedAt = at;
    if (vote) ticket.vote = { score: vote.score, comment: vote.comment ?? null, createdAt: at };
    return ticket;
  }

  reopenTicket(number: number, input: NewComment): TicketRecord {
    const ticket = this.getTicket(number);
    if (ticket.status !== 'closed' && ticket.status !== 'resolved') {
      throw new ApiError(409, 'ticket_open', `ticket ${number} is not closed or resolved`);
    }
    const at = this.stamp();
    ticket.status = 'in_progress';
    ticket.isResolved = false;
    ticket.closedAt = null;
    this.appendComment(ticket, input, at);
    return ticket;
  }

  voteTicket(number: number, input: NewVote): VoteRecord {
    const ticket = this.getTicket(number);
    const at = this.stamp();
    ticket.vote = { score: input.score, comment: input.comment ?? null, createdAt: at };
    ticket.updatedAt = at;
    return ticket.vote;
  }

  voteComment(id: number, input: NewVote): VoteRecord {
    const comment = this.getComment(id);
    const at = this.stamp();
    comment.vote = { score: input.score, comment: input.comment ?? null, createdAt: at };
    this.getTicket(comment.ticketNumber).updatedAt = at;
    return comment.vote;
  }

  private appendComment(ticket: TicketRecord, input: NewComment, at: number): CommentRecord {
    const comment: CommentRecord = {
      id: ++this.lastCommentId,
      ticketNumber: ticket.number,
      files: input.files ?? [],
      body: input.body,
      isClientAuthor: true,
      isClientRead: true,
      sentAt: at,
      splittedAt: null,
      splittedToTicketNumber: null,
      vote: null,
    };
    ticket.comments.push(comment);
    ticket.updatedAt = at;
    this.comments.set(comment.id, comment);
    return comment;
  }
}
