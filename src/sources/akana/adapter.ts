/**
 * Akana API Platform tickets as a SourceAdapter. The platform gives no total and no lookup
 * of many tickets at once: lists page by `start`/`count` and find their own end, lookups
 * are parallel `GET /api/tickets/{TicketID}` calls under a cap.
 */
import { z } from 'zod';
import { userInputError } from '../../errors.js';
import type { Comment, Ticket } from '../../model.js';
import type {
  CallOptions,
  CloseTicketInput,
  CommentPage,
  CreateTicketInput,
  ListTicketsRequest,
  ReopenTicketInput,
  SourceAdapter,
  SourceCapabilities,
  SourceConfig,
  TicketAction,
  TicketPage,
} from '../adapter.js';
import type { SourceHttp } from '../http.js';
import type { IdentifierShapes } from '../identifiers.js';
import { mapWithConcurrency } from '../paging.js';
import { createAkanaClient, type AkanaClient, type AkanaCredentials, type MediaVersion, type NewTicketBody } from './client.js';
import {
  MAX_COUNT,
  NATIVE_SORTS,
  PRIORITY_BY_LABEL,
  actionsFor,
  commentFromNative,
  identifierShapes,
  isNativeSort,
  nativeAction,
  planNativeFilter,
  ticketFromNative,
  toNativeQuery,
} from './map.js';
import type { PriorityLabel } from './native.js';

export interface AkanaSettings {
  /** Media type version sent in `Accept` (the seed lists v72, v80 and v81); default v81. */
  mediaVersion?: MediaVersion | undefined;
  /** The API version new tickets are filed under when the caller names no topic. */
  defaultApiId?: string | undefined;
}

/** Parallel single-ticket GETs in flight at once for one `getTickets` call. */
export const LOOKUP_CONCURRENCY = 8;

export const AKANA_CAPABILITIES: SourceCapabilities = {
  // State and Label take one value each, so a list of several (or OPEN, which is OPEN or
  // REOPEN) is not pushed: neither is exact for every filter, so neither is listed.
  filters: [],
  sorts: NATIVE_SORTS,
  maxPageSize: MAX_COUNT,
  totalCount: false,
  batchLookup: null,
  comments: true,
  topics: false,
  writes: ['createTicket', 'addComment', 'closeTicket', 'reopenTicket', 'transitionTicket'],
  ticketScoreScale: null,
  commentScoreScale: null,
};

// Extra fields of `POST /api/tickets` a caller may set beside title/description/priority.
const createExtra = z.strictObject({
  APIID: z.string().min(1).optional(),
  AppID: z.string().min(1).optional(),
  Environment: z.string().min(1).optional(),
  Tag: z.array(z.string().min(1)).optional(),
  DescriptionMediaType: z.enum(['text/plain', 'text/markdown']).optional(),
});

export class AkanaAdapter implements SourceAdapter {
  readonly kind = 'akana' as const;
  readonly key: string;
  readonly name: string;
  readonly capabilities = AKANA_CAPABILITIES;
  readonly identifiers: IdentifierShapes;
  private readonly client: AkanaClient;
  private readonly origin: string;

  constructor(
    private readonly config: SourceConfig<AkanaCredentials, AkanaSettings>,
    private readonly http: SourceHttp,
  ) {
    this.key = config.key;
    this.name = config.name;
    this.origin = new URL(config.baseUrl).origin;
    this.identifiers = identifierShapes(config.credentials.fedMemberId);
    this.client = createAkanaClient(http, config.credentials, config.settings.mediaVersion ?? 'v81');
  }

  async listTickets({ filter, order, offset, limit }: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
    if (!isNativeSort(order)) throw new Error(`akana cannot sort by ${order.field} ${order.direction}`);
    const plan = planNativeFilter(filter);
    if (plan === 'none') return { tickets: [], totalCount: 0, hasMore: false };
    const query = toNativeQuery(plan, order, offset, limit);
    const records = await this.client.listTickets(query, options?.signal);
    const tickets = records.slice(0, limit).map((r) => this.ticket(r));
    // Asked limit+1: one extra means more. Capped at count=limit we can only say "maybe".
    const hasMore = query.count > limit ? records.length > limit : records.length >= limit;
    return { tickets, totalCount: null, hasMore };
  }

  async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
    return mapWithConcurrency(numbers, LOOKUP_CONCURRENCY, async (number) => {
      const record = await this.client.getTicket(number, options?.signal);
      return record === null ? null : this.ticket(record);
    });
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options?: CallOptions): Promise<CommentPage> {
    const all = await this.comments(ticketNumber, options);
    return {
      comments: all.slice(page.offset, page.offset + page.limit),
      totalCount: all.length,
      hasMore: page.offset + page.limit < all.length,
    };
  }

  async getComment(ticketNumber: string, commentId: string, options?: CallOptions): Promise<Comment | null> {
    const all = await this.comments(ticketNumber, options);
    return all.find((c) => c.id === commentId) ?? null;
  }

  async listTopics(): Promise<never[]> {
    return [];
  }

  async createTicket(input: CreateTicketInput, options?: CallOptions): Promise<Ticket> {
    const extra = createExtra.safeParse(input.extra ?? {});
    if (!extra.success) {
      throw userInputError(`akana: invalid extra fields (${extra.error.issues.map((i) => i.path.join('.') || i.message).join(', ')})`);
    }
    const { DescriptionMediaType, ...fields } = extra.data;
    const apiId = input.topicKey ?? fields.APIID ?? this.config.settings.defaultApiId;
    if (apiId === undefined && fields.AppID === undefined) {
      throw userInputError('akana: a ticket is filed under an API; give topicKey (an APIID) or extra.AppID');
    }
    const body: NewTicketBody = {
      ...fields,
      ...(apiId === undefined ? {} : { APIID: apiId }),
      Title: input.title,
      Description: input.description,
      DescriptionMediaType: DescriptionMediaType ?? 'text/plain',
      ...(input.priority === undefined ? {} : { Label: [labelFor(input.priority)] }),
    };
    return this.ticket(await this.client.createTicket(body, options?.signal));
  }

  async addComment(number: string, body: string, options?: CallOptions): Promise<Comment> {
    return commentFromNative(this.key, number, await this.client.addComment(number, body, options?.signal));
  }

  async closeTicket(number: string, input: CloseTicketInput, options?: CallOptions): Promise<Ticket> {
    if (input.score !== undefined) throw userInputError('akana: tickets carry no score');
    const record = await this.client.performAction(number, 'ticket.action.close', input.comment, options?.signal);
    return this.ticket(record);
  }

  async reopenTicket(number: string, input: ReopenTicketInput, options?: CallOptions): Promise<Ticket> {
    return this.ticket(await this.client.performAction(number, 'ticket.action.reopen', input.comment, options?.signal));
  }

  availableActions(ticket: Ticket): TicketAction[] {
    return actionsFor(ticket.nativeStatus);
  }

  async transitionTicket(number: string, action: string, options?: CallOptions): Promise<Ticket> {
    const name = nativeAction(action);
    if (name === undefined) throw userInputError(`akana: unknown ticket action "${action}" (resolve, close or reopen)`);
    return this.ticket(await this.client.performAction(number, name, undefined, options?.signal));
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private ticket(record: Parameters<typeof ticketFromNative>[1]): Ticket {
    return ticketFromNative(this.key, record, this.origin);
  }

  private async comments(ticketNumber: string, options?: CallOptions): Promise<Comment[]> {
    const records = await this.client.listComments(ticketNumber, options?.signal);
    return (records ?? []).map((r) => commentFromNative(this.key, ticketNumber, r));
  }
}

function labelFor(priority: NonNullable<CreateTicketInput['priority']>): PriorityLabel {
  const label = (Object.keys(PRIORITY_BY_LABEL) as PriorityLabel[]).find((l) => PRIORITY_BY_LABEL[l] === priority);
  if (label === undefined) throw userInputError(`akana: no ticket label for priority ${priority}`);
  return label;
}
