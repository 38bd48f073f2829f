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
import { unsupportedOperation } from '../../errors.js';
import type { SourceHttp } from '../http.js';
import { mapWithConcurrency, readOffsetWindow } from '../paging.js';
import { ControlPanelClient } from './client.js';
import { mapComment, mapTicket, mapTopic, mapVote, toListQuery } from './map.js';

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

/** Parallel single lookups: the API has no list-by-numbers filter. */
const LOOKUP_CONCURRENCY = 8;

export function createControlPanelAdapter(config: SourceConfig<ControlPanelCredentials>, http: SourceHttp): SourceAdapter {
  const client = new ControlPanelClient(http, config.credentials.token);
  const key = config.key;

  const adapter: SourceAdapter = {
    key,
    kind: 'control-panel',
    name: config.name,
    capabilities: controlPanelCapabilities,
    // Seed 004: ticket numbers and comment ids are integers.
    identifiers: { ticketNumber: /^[1-9]\d{0,14}$/, commentId: /^[1-9]\d{0,14}$/ },

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
      const created = await client.createTicket(
        {
          summary: input.title,
          comment_body: input.description,
          ...(input.topicKey !== undefined ? { topic_key: input.topicKey } : {}),
          ...clientFields(input.extra),
        },
        options,
      );
      return mapTicket(key, created);
    },

    async updateTicket(number: string, input: UpdateTicketInput, options?: CallOptions): Promise<Ticket> {
      // PATCH /tickets/{n} changes only the client fields (seed: "Modify ticket properties").
      for (const field of ['title', 'description', 'priority'] as const) {
        if (input[field] !== undefined) throw unsupportedOperation(key, `updateTicket(${field})`);
      }
      return mapTicket(key, await client.modifyTicket(number, clientFields(input.extra), options));
    },

    async closeTicket(number: string, input: CloseTicketInput, options?: CallOptions): Promise<Ticket> {
      // The close body is an evaluation: a `comment` there needs a `score`. A closing remark
      // without one goes into the thread first.
      if (input.comment !== undefined && input.score === undefined) {
        await client.createComment(number, { body: input.comment }, options);
        return mapTicket(key, await client.closeTicket(number, {}, options));
      }
      return mapTicket(key, await client.closeTicket(number, input, options));
    },

    async reopenTicket(number: string, input: ReopenTicketInput, options?: CallOptions): Promise<Ticket> {
      return mapTicket(key, await client.reopenTicket(number, { body: input.comment }, options));
    },

    async addComment(number: string, body: string, options?: CallOptions): Promise<Comment> {
      return mapComment(key, number, await client.createComment(number, { body }, options));
    },

    async rateTicket(number: string, input: RateInput, options?: CallOptions): Promise<Vote> {
      return mapVote(await client.voteTicket(number, input, options)) as Vote;
    },

    async rateComment(_ticketNumber: string, commentId: string, input: RateInput, options?: CallOptions): Promise<Vote> {
      return mapVote(await client.voteComment(commentId, input, options)) as Vote;
    },

    close: () => http.close(),
  };
  return adapter;
}

/** The only ticket fields this vendor lets a caller set besides summary and first comment. */
function clientFields(extra: Record<string, unknown> | undefined): { client_aliased_name?: string; client_emails?: string[] } {
  const fields: { client_aliased_name?: string; client_emails?: string[] } = {};
  if (typeof extra?.requesterName === 'string') fields.client_aliased_name = extra.requesterName;
  if (Array.isArray(extra?.requesterEmails)) fields.client_emails = extra.requesterEmails.filter((e): e is string => typeof e === 'string');
  return fields;
}
