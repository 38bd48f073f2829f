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
  TicketPage,
  UpdateTicketInput,
} from '../adapter.js';
import { SourceInputError, UpstreamError, UpstreamErrorCode, type AppliedWrite } from '../errors.js';
import type { SourceHttp } from '../http.js';
import { requireIdentifier, type IdentifierShapes } from '../identifiers.js';
import { mapWithConcurrency, readOffsetWindow } from '../paging.js';
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

export function createControlPanelAdapter(config: SourceConfig<ControlPanelCredentials>, http: SourceHttp): SourceAdapter {
  const client = new ControlPanelClient(http, config.credentials.token, CONTROL_PANEL_IDENTIFIERS);
  const key = config.key;

  /** The ticket as the vendor has it now (after a write: it exists, so a 404 is the vendor's fault). */
  async function readBack(number: string, options?: CallOptions): Promise<Ticket> {
    const ticket = await client.getTicket(number, options);
    if (!ticket) throw new UpstreamError({ source: key, code: UpstreamErrorCode.UPSTREAM_BAD_RESPONSE, message: 'the ticket written to is not found' });
    return mapTicket(key, ticket);
  }

  /**
   * A write documented to answer the ticket record: that record when it reads, else the ticket
   * re-read; when neither can be had the error carries what was applied.
   */
  async function ticketFrom(body: unknown, applied: AppliedWrite, options?: CallOptions): Promise<Ticket> {
    const record = readRecord(CpTicket, body);
    if (record.success) return mapTicket(key, record.data);
    return afterApplied(key, applied, () => readBack(applied.ticketNumber, options));
  }

  const adapter: SourceAdapter = {
    key,
    kind: 'control-panel',
    name: config.name,
    capabilities: controlPanelCapabilities,
    identifiers: CONTROL_PANEL_IDENTIFIERS,

    async listTickets(request: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
      const query = toListQuery(request.filter);
      if (query === null) return { tickets: [], totalCount: 0, hasMore: false };
      const window = await readOffsetWindow(request.offset, request.limit, MAX_PAGE_SIZE, async ({ page, pageSize }) => {
        const list = await client.listTickets({ ...query, page, items_per_page: pageSize }, options);
        return { items: list.items, hasMore: page < list.page_count, totalCount: list.item_count };
      });
      return { tickets: window.items.map((t) => mapTicket(key, t)), totalCount: window.totalCount, hasMore: window.hasMore };
    },

    async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
      return mapWithConcurrency(numbers, LOOKUP_CONCURRENCY, async (number) => {
        const ticket = await client.getTicket(number, options);
        return ticket ? mapTicket(key, ticket) : null;
      });
    },

    async listComments(ticketNumber, page, options): Promise<CommentPage> {
      // The vendor returns the whole thread at once; we window it here.
      const all = (await client.listComments(ticketNumber, options)) ?? [];
      const comments = all.slice(page.offset, page.offset + page.limit).map((c) => mapComment(key, ticketNumber, c));
      return { comments, totalCount: all.length, hasMore: page.offset + page.limit < all.length };
    },

    async getComment(ticketNumber, commentId, options): Promise<Comment | null> {
      // GET /comments/{id} does not say which ticket a comment is on; reading the ticket's
      // thread does, so a comment ID naming the wrong ticket finds nothing.
      requireIdentifier(key, CONTROL_PANEL_IDENTIFIERS, 'commentId', commentId, 'id');
      const thread = await client.listComments(ticketNumber, options);
      const comment = thread?.find((c) => String(c.id) === commentId);
      return comment ? mapComment(key, ticketNumber, comment) : null;
    },

    async loadDescription(ticket: Ticket, options?: CallOptions): Promise<string | null> {
      // A Control-panel ticket opens with a message: create's comment_body is comment #1.
      const thread = await client.listComments(ticket.number, options);
      return thread?.[0]?.body ?? null;
    },

    async listTopics(options?: CallOptions): Promise<Topic[]> {
      return (await client.listTopics(options)).map((t) => mapTopic(key, t));
    },

    async createTicket(input: CreateTicketInput, options?: CallOptions): Promise<Ticket> {
      const fields = { ...clientFields(key, input.extra), ...(input.topicKey !== undefined ? { topic_key: topicKey(key, input.topicKey) } : {}) };
      const body = await client.createTicket({ summary: input.title, comment_body: input.description, ...fields }, options);
      // The answer is trusted for the new number only; the record is re-read, so a retry of a
      // failed re-read never creates a second ticket.
      const created = CpCreated.safeParse(body);
      if (!created.success) {
        throw new UpstreamError({ source: key, code: UpstreamErrorCode.UPSTREAM_BAD_RESPONSE, message: 'the ticket was created, but the answer names no ticket number' });
      }
      const number = String(created.data.number);
      return afterApplied(key, { ticketNumber: number, steps: ['create'] }, () => readBack(number, options));
    },

    async updateTicket(number: string, input: UpdateTicketInput, options?: CallOptions): Promise<Ticket> {
      // PATCH /tickets/{n} changes only the client fields (seed: "Modify ticket properties").
      for (const field of ['title', 'description', 'priority'] as const) {
        if (input[field] !== undefined) {
          throw new SourceInputError({ source: key, code: 'UNSUPPORTED_OPERATION', field, message: `Source "${key}" does not support updateTicket(${field})` });
        }
      }
      const body = await client.modifyTicket(number, clientFields(key, input.extra), options);
      return ticketFrom(body, { ticketNumber: number, steps: ['update'] }, options);
    },

    async closeTicket(number: string, input: CloseTicketInput, options?: CallOptions): Promise<Ticket> {
      if (input.comment !== undefined && input.score === undefined) {
        // The close body is an evaluation: its `comment` needs a `score`. A closing remark
        // without one goes into the thread first (a closed ticket takes no comment); if the
        // close then fails, the error says the comment is in, so a retry does not post it twice.
        const posted = readRecord(CpComment, await client.createComment(number, { body: input.comment }, options));
        const applied = { ticketNumber: number, ...(posted.success ? { commentId: String(posted.data.id) } : {}), steps: ['comment'] };
        const body = await afterApplied(key, applied, () => client.closeTicket(number, {}, options));
        return ticketFrom(body, { ...applied, steps: ['comment', 'close'] }, options);
      }
      const body = await client.closeTicket(number, input, options);
      return ticketFrom(body, { ticketNumber: number, steps: ['close'] }, options);
    },

    async reopenTicket(number: string, input: ReopenTicketInput, options?: CallOptions): Promise<Ticket> {
      const body = await client.reopenTicket(number, { body: input.comment }, options);
      return ticketFrom(body, { ticketNumber: number, steps: ['reopen'] }, options);
    },

    async addComment(number: string, body: string, options?: CallOptions): Promise<Comment> {
      const answer = await client.createComment(number, { body }, options);
      const comment = readRecord(CpComment, answer);
      if (!comment.success) throw unreadableAfterWrite(key, { ticketNumber: number, steps: ['comment'] }, 'comment');
      return mapComment(key, number, comment.data);
    },

    async rateTicket(number: string, input: RateInput, options?: CallOptions): Promise<Vote> {
      const vote = CpVote.safeParse(await client.voteTicket(number, input, options));
      if (!vote.success) throw unreadableAfterWrite(key, { ticketNumber: number, steps: ['vote'] }, 'vote');
      return mapVote(vote.data) as Vote;
    },

    async rateComment(ticketNumber: string, commentId: string, input: RateInput, options?: CallOptions): Promise<Vote> {
      const vote = CpVote.safeParse(await client.voteComment(commentId, input, options));
      if (!vote.success) throw unreadableAfterWrite(key, { ticketNumber, commentId, steps: ['vote'] }, 'vote');
      return mapVote(vote.data) as Vote;
    },

    describeMappings: () => controlPanelMappings(),

    close: () => http.close(),
  };
  return adapter;
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

/** Runs what follows an applied write step; its failure is reported with what was applied. */
async function afterApplied<T>(source: string, applied: AppliedWrite, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const upstream = error instanceof UpstreamError ? error : undefined;
    throw new UpstreamError({
      source,
      code: upstream?.upstreamCode ?? UpstreamErrorCode.UPSTREAM_BAD_RESPONSE,
      message: `${(applied.steps ?? []).join(', ')} applied to ticket ${applied.ticketNumber}, then: ${(error instanceof Error ? error.message : 'failure').replace(/^\[[^\]]*\] /, '')}`,
      ...(upstream?.status !== undefined ? { status: upstream.status } : {}),
      ...(upstream?.vendorCode !== undefined ? { vendorCode: upstream.vendorCode } : {}),
      ...(upstream?.retryAfter !== undefined ? { retryAfter: upstream.retryAfter } : {}),
      applied,
      cause: error,
    });
  }
}

/** The write was applied, but its answer cannot be read. */
function unreadableAfterWrite(source: string, applied: AppliedWrite, what: string): UpstreamError {
  return new UpstreamError({
    source,
    code: UpstreamErrorCode.UPSTREAM_BAD_RESPONSE,
    message: `${(applied.steps ?? []).join(', ')} applied to ticket ${applied.ticketNumber}, but the answer is not a readable ${what}`,
    applied,
  });
}
