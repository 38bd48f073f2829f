import type { Comment, Ticket, Topic, Vote } from '../../model.js';
import type {
  CallOptions,
  CloseTicketInput,
  CommentPage,
  CreateTicketInput,
  ListTicketsRequest,
  RateInput,
  ReopenTicketInput,
  SourceAdapter,
  SourceCapabilities,
  SourceConfig,
  SourceMappings,
  TicketPage,
  UpdateTicketInput,
} from '../adapter.js';
import { windowComments } from '../comment-window.js';
import { SourceInputError, UpstreamError, UpstreamErrorCode, type AppliedWrite } from '../errors.js';
import type { SourceHttp } from '../http.js';
import { requireIdentifier, type IdentifierShapes } from '../identifiers.js';
import { readOffsetWindow } from '../paging.js';
import { afterApplied, appliedError, readBack } from '../read-back.js';
import { lookupEach } from '../ticket-lookup.js';
import { ControlPanelClient } from './client.js';
import { controlPanelMappings, mapComment, mapTicket, mapTopic, mapVote, toListQuery } from './map.js';
import { CpComment, CpCreated, CpTicket, CpVote, readRecord } from './native.js';

export interface ControlPanelCredentials {
  token: string;
}

/** Seed 004: `items_per_page` [1 .. 1000]. */
const MAX_PAGE_SIZE = 1000;

export const controlPanelCapabilities: SourceCapabilities = {
  // Nothing is exact: `q` searches more than title and description, only_opened/only_closed
  // are coarser than our statuses. Both still narrow natively (see toListQuery).
  filters: [],
  sorts: [{ field: 'CREATED_AT', direction: 'DESC' }],
  maxPageSize: MAX_PAGE_SIZE,
  totalCount: true,
  batchLookup: null,
  comments: true,
  topics: true,
  writes: ['createTicket', 'updateTicket', 'closeTicket', 'reopenTicket', 'addComment', 'rateTicket', 'rateComment'],
  ticketScoreScale: { min: 1, max: 10 },
  commentScoreScale: { min: -1, max: 1, values: [1, -1] },
};

/**
 * Seed 004: `ticket_number` and `comment_id` are "integer" path parameters; the records' `number`
 * and `id` are positive integers (seeded from ~100000 / ~2400000). At most 15 digits, so every
 * value stays an exact JavaScript number; no sign, no leading zero, nothing else.
 */
export const CONTROL_PANEL_IDENTIFIERS: IdentifierShapes = { ticketNumber: /^[1-9]\d{0,14}$/, commentId: /^[1-9]\d{0,14}$/ };

/** Parallel single lookups: the API has no list-by-numbers filter. */
const LOOKUP_CONCURRENCY = 8;

export class ControlPanelAdapter implements SourceAdapter {
  readonly kind = 'control-panel' as const;
  readonly key: string;
  readonly name: string;
  readonly capabilities = controlPanelCapabilities;
  readonly identifiers = CONTROL_PANEL_IDENTIFIERS;
  private readonly client: ControlPanelClient;

  constructor(
    config: SourceConfig<ControlPanelCredentials>,
    private readonly http: SourceHttp,
  ) {
    this.key = config.key;
    this.name = config.name;
    this.client = new ControlPanelClient(http, config.credentials.token, CONTROL_PANEL_IDENTIFIERS);
  }

  async listTickets(request: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
    const query = toListQuery(request.filter);
    if (query === null) return { tickets: [], totalCount: 0, hasMore: false };
    const window = await readOffsetWindow(request.offset, request.limit, MAX_PAGE_SIZE, async ({ page, pageSize }) => {
      const list = await this.client.listTickets({ ...query, page, items_per_page: pageSize }, options);
      return { items: list.items, hasMore: page < list.page_count, totalCount: list.item_count };
    });
    return { tickets: window.items.map((t) => mapTicket(this.key, t)), totalCount: window.totalCount, hasMore: window.hasMore };
  }

  async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
    return lookupEach(numbers, LOOKUP_CONCURRENCY, (number) => this.getTicket(number, options));
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options?: CallOptions): Promise<CommentPage> {
    // The vendor returns the whole thread at once; we window it here.
    const thread = (await this.client.listComments(ticketNumber, options)) ?? [];
    return windowComments(thread.map((c) => mapComment(this.key, ticketNumber, c)), page);
  }

  async getComment(ticketNumber: string, commentId: string, options?: CallOptions): Promise<Comment | null> {
    // GET /comments/{id} does not say which ticket a comment is on; reading the ticket's
    // thread does, so a comment ID naming the wrong ticket finds nothing.
    requireIdentifier(this.key, CONTROL_PANEL_IDENTIFIERS, 'commentId', commentId, 'id');
    const thread = await this.client.listComments(ticketNumber, options);
    const comment = thread?.find((c) => String(c.id) === commentId);
    return comment ? mapComment(this.key, ticketNumber, comment) : null;
  }

  async loadDescription(ticket: Ticket, options?: CallOptions): Promise<string | null> {
    // A Control-panel ticket opens with a message: create's comment_body is comment #1.
    const thread = await this.client.listComments(ticket.number, options);
    return thread?.[0]?.body ?? null;
  }

  async listTopics(options?: CallOptions): Promise<Topic[]> {
    return (await this.client.listTopics(options)).map((t) => mapTopic(this.key, t));
  }

  async createTicket(input: CreateTicketInput, options?: CallOptions): Promise<Ticket> {
    const fields = { ...clientFields(this.key, input.extra), ...(input.topicKey !== undefined ? { topic_key: topicKey(this.key, input.topicKey) } : {}) };
    const body = await this.client.createTicket({ summary: input.title, comment_body: input.description, ...fields }, options);
    // The answer is trusted for the new number only; the record is re-read, so a retry of a
    // failed re-read never creates a second ticket.
    const created = CpCreated.safeParse(body);
    if (!created.success) {
      throw new UpstreamError({ source: this.key, code: UpstreamErrorCode.UPSTREAM_BAD_RESPONSE, message: 'the ticket was created, but the answer names no ticket number' });
    }
    const number = String(created.data.number);
    return readBack(this.key, { ticketNumber: number, steps: ['create'] }, () => this.getTicket(number, options));
  }

  async updateTicket(number: string, input: UpdateTicketInput, options?: CallOptions): Promise<Ticket> {
    // PATCH /tickets/{n} changes only the client fields (seed: "Modify ticket properties").
    for (const field of ['title', 'description', 'priority'] as const) {
      if (input[field] !== undefined) {
        throw new SourceInputError({ source: this.key, code: 'UNSUPPORTED_OPERATION', field, message: `Source "${this.key}" does not support updateTicket(${field})` });
      }
    }
    const body = await this.client.modifyTicket(number, clientFields(this.key, input.extra), options);
    return this.ticketFrom(body, { ticketNumber: number, steps: ['update'] }, options);
  }

  async closeTicket(number: string, input: CloseTicketInput, options?: CallOptions): Promise<Ticket> {
    if (input.comment !== undefined && input.score === undefined) {
      // The close body is an evaluation: its `comment` needs a `score`. A closing remark
      // without one goes into the thread first (a closed ticket takes no comment); if the
      // close then fails, the error says the comment is in, so a retry does not post it twice.
      const posted = readRecord(CpComment, await this.client.createComment(number, { body: input.comment }, options));
      const applied = { ticketNumber: number, ...(posted.success ? { commentId: String(posted.data.id) } : {}), steps: ['comment'] };
      const body = await afterApplied(this.key, applied, () => this.client.closeTicket(number, {}, options));
      return this.ticketFrom(body, { ...applied, steps: ['comment', 'close'] }, options);
    }
    const body = await this.client.closeTicket(number, input, options);
    return this.ticketFrom(body, { ticketNumber: number, steps: ['close'] }, options);
  }

  async reopenTicket(number: string, input: ReopenTicketInput, options?: CallOptions): Promise<Ticket> {
    const body = await this.client.reopenTicket(number, { body: input.comment }, options);
    return this.ticketFrom(body, { ticketNumber: number, steps: ['reopen'] }, options);
  }

  async addComment(number: string, body: string, options?: CallOptions): Promise<Comment> {
    const comment = readRecord(CpComment, await this.client.createComment(number, { body }, options));
    if (!comment.success) throw appliedError(this.key, { ticketNumber: number, steps: ['comment'] }, 'the answer is not a readable comment', undefined);
    return mapComment(this.key, number, comment.data);
  }

  async rateTicket(number: string, input: RateInput, options?: CallOptions): Promise<Vote> {
    const vote = CpVote.safeParse(await this.client.voteTicket(number, input, options));
    if (!vote.success) throw appliedError(this.key, { ticketNumber: number, steps: ['vote'] }, 'the answer is not a readable vote', undefined);
    return mapVote(vote.data) as Vote;
  }

  async rateComment(ticketNumber: string, commentId: string, input: RateInput, options?: CallOptions): Promise<Vote> {
    const vote = CpVote.safeParse(await this.client.voteComment(commentId, input, options));
    if (!vote.success) throw appliedError(this.key, { ticketNumber, commentId, steps: ['vote'] }, 'the answer is not a readable vote', undefined);
    return mapVote(vote.data) as Vote;
  }

  describeMappings(): SourceMappings {
    return controlPanelMappings();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async getTicket(number: string, options?: CallOptions): Promise<Ticket | null> {
    const ticket = await this.client.getTicket(number, options);
    return ticket ? mapTicket(this.key, ticket) : null;
  }

  /**
   * A write documented to answer the ticket record: that record when it reads, else the ticket
   * re-read; when neither can be had the error carries what was applied.
   */
  private async ticketFrom(body: unknown, applied: AppliedWrite, options?: CallOptions): Promise<Ticket> {
    const record = readRecord(CpTicket, body);
    if (record.success) return mapTicket(this.key, record.data);
    return readBack(this.key, applied, () => this.getTicket(applied.ticketNumber, options));
  }
}

/** Seed 004: `client_emails` "Array of strings <email>"; the same plain shape the emulator checks. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The only ticket fields this vendor lets a caller set besides summary and first comment,
 * checked here so that a bad value is the caller's error naming the GraphQL field.
 */
function clientFields(source: string, extra: Record<string, unknown> | undefined): { client_aliased_name?: string; client_emails?: string[] } {
  const fields: { client_aliased_name?: string; client_emails?: string[] } = {};
  const name = extra?.requesterName;
  if (name !== undefined) {
    // Seed: `client_aliased_name` "string non-empty".
    if (typeof name !== 'string' || name.trim() === '') throw invalidInput(source, 'requesterName', 'must be a non-empty string');
    fields.client_aliased_name = name;
  }
  const emails = extra?.requesterEmails;
  if (emails !== undefined) {
    if (!Array.isArray(emails) || !emails.every((e): e is string => typeof e === 'string' && EMAIL.test(e))) {
      throw invalidInput(source, 'requesterEmails', 'must be a list of email addresses');
    }
    fields.client_emails = emails;
  }
  return fields;
}

/** Seed: `topic_key` "string non-empty"; which keys exist is `GET /topics`, checked by the vendor. */
function topicKey(source: string, topic: string): string {
  if (topic.trim() === '' || topic.length > 255 || /[\u0000-\u001f\u007f]/.test(topic)) throw invalidInput(source, 'topic', 'must be a topic key of this source');
  return topic;
}

function invalidInput(source: string, field: string, message: string): SourceInputError {
  return new SourceInputError({ source, code: 'INVALID_INPUT', field, message: `${field} ${message}` });
}
