/**
 * Akana API Platform tickets as a SourceAdapter. The platform gives no total and no lookup
 * of many tickets at once: lists page by `start`/`count` and find their own end, lookups
 * are parallel `GET /api/tickets/{TicketID}` calls under a cap.
 */
import { z } from 'zod';
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
  SourceMappings,
  TicketAction,
  TicketPage,
} from '../adapter.js';
import { windowComments } from '../comment-window.js';
import { SourceInputError } from '../errors.js';
import type { SourceHttp } from '../http.js';
import type { IdentifierShapes } from '../identifiers.js';
import { readBack } from '../read-back.js';
import { lookupEach } from '../ticket-lookup.js';
import { createAkanaClient, type AkanaClient, type AkanaCredentials, type MediaVersion, type NewTicketBody } from './client.js';
import {
  MAX_COUNT,
  NATIVE_SORTS,
  PRIORITY_BY_LABEL,
  actionsFor,
  commentFromNative,
  describeAkanaMappings,
  identifierShapes,
  isNativeSort,
  nativeAction,
  planNativeFilter,
  ticketFromNative,
  toNativeQuery,
} from './map.js';
import { nativeTicket, parseRecords, type PriorityLabel, type TicketActionName } from './native.js';

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

// Extra fields of `POST /api/tickets` a direct caller may set beside title/description/priority
// (docs sample body: APIID, AppID, Environment, Label, Tag, DescriptionMediaType).
const createExtra = z.strictObject({
  APIID: z.string().min(1).optional(),
  AppID: z.string().min(1).optional(),
  Environment: z.string().min(1).optional(),
  Tag: z.array(z.string().min(1)).optional(),
  DescriptionMediaType: z.enum(['text/plain', 'text/markdown']).optional(),
});

/** GraphQL fields the gateway passes in `extra` that Akana has nowhere to store. */
const UNSTORABLE_EXTRA = ['requesterName', 'requesterEmails'] as const;

/** An API (version) ID as the platform writes them: `{uuid}.{fedmemberid}`, letters, digits, `.-_`. */
const API_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

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
    this.client = createAkanaClient(http, config.credentials, config.settings.mediaVersion ?? 'v81', this.identifiers);
  }

  async listTickets({ filter, order, offset, limit }: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
    if (!isNativeSort(order)) {
      throw this.inputError('UNSUPPORTED_OPERATION', `cannot order by ${order.field} ${order.direction} (newest created or updated first only)`, 'orderBy');
    }
    const plan = planNativeFilter(filter);
    if (plan === 'none') return { tickets: [], totalCount: 0, hasMore: false };
    const query = toNativeQuery(plan, order, offset, limit);
    const { items } = await this.client.listTickets(query, options?.signal);
    // The window is cut before reading: a skipped record still holds its place in the stream,
    // so the extra (limit+1st) record never slips into this page.
    const tickets = parseRecords(this.key, nativeTicket, items.slice(0, limit), 'ticket').map((r) => this.ticket(r));
    // Asked limit+1: one extra means more. Capped at count=limit we can only say "maybe".
    const hasMore = query.count > limit ? items.length > limit : items.length >= limit;
    return { tickets, totalCount: null, hasMore };
  }

  async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
    return lookupEach(numbers, LOOKUP_CONCURRENCY, (number) => this.getTicket(number, options));
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options?: CallOptions): Promise<CommentPage> {
    return windowComments(await this.comments(ticketNumber, options), page);
  }

  async getComment(ticketNumber: string, commentId: string, options?: CallOptions): Promise<Comment | null> {
    const all = await this.comments(ticketNumber, options);
    return all.find((c) => c.id === commentId) ?? null;
  }

  async listTopics(): Promise<never[]> {
    return [];
  }

  /** POST the ticket (its answer is the new TicketID, as text), then read the record back. */
  async createTicket(input: CreateTicketInput, options?: CallOptions): Promise<Ticket> {
    const raw = { ...(input.extra ?? {}) };
    for (const field of UNSTORABLE_EXTRA) {
      if (raw[field] !== undefined) throw this.inputError('UNSUPPORTED_OPERATION', `tickets carry no ${field} (the author is the session's user)`, field);
      delete raw[field];
    }
    const extra = createExtra.safeParse(raw);
    if (!extra.success) {
      throw this.inputError('INVALID_INPUT', `unsupported extra fields (${extra.error.issues.map((i) => i.path.join('.') || i.message).join(', ')})`);
    }
    const { DescriptionMediaType, ...fields } = extra.data;
    if (input.topicKey !== undefined && !API_ID.test(input.topicKey)) throw this.inputError('INVALID_INPUT', 'is not an API version ID', 'topic');
    const apiId = input.topicKey ?? fields.APIID ?? this.config.settings.defaultApiId;
    if (apiId === undefined && fields.AppID === undefined) {
      throw this.inputError('INVALID_INPUT', 'a ticket is filed under an API: give a topic (an API version ID)', 'topic');
    }
    const body: NewTicketBody = {
      ...fields,
      ...(apiId === undefined ? {} : { APIID: apiId }),
      Title: input.title,
      Description: input.description,
      DescriptionMediaType: DescriptionMediaType ?? 'text/plain',
      ...(input.priority === undefined ? {} : { Label: [this.labelFor(input.priority)] }),
    };
    const number = await this.client.createTicket(body, options?.signal);
    return readBack(this.key, { ticketNumber: number, steps: ['create'] }, () => this.getTicket(number, options));
  }

  /** One workflow action: a close comment travels in the same call (`Comments`), never twice. */
  async closeTicket(number: string, input: CloseTicketInput, options?: CallOptions): Promise<Ticket> {
    if (input.score !== undefined) throw this.inputError('UNSUPPORTED_OPERATION', 'tickets carry no score', 'score');
    return this.act(number, 'ticket.action.close', input.comment, options);
  }

  async reopenTicket(number: string, input: ReopenTicketInput, options?: CallOptions): Promise<Ticket> {
    return this.act(number, 'ticket.action.reopen', input.comment, options);
  }

  /** POST the comment (its answer is the new CommentID), then read it back from the thread. */
  async addComment(number: string, body: string, options?: CallOptions): Promise<Comment> {
    const commentId = await this.client.addComment(number, body, options?.signal);
    return readBack(this.key, { ticketNumber: number, commentId, steps: ['comment'] }, () => this.getComment(number, commentId, options));
  }

  availableActions(ticket: Ticket): TicketAction[] {
    return actionsFor(ticket.nativeStatus);
  }

  async transitionTicket(number: string, action: string, options?: CallOptions): Promise<Ticket> {
    const name = nativeAction(action);
    if (name === undefined) throw this.inputError('INVALID_ACTION', 'unknown ticket action (resolve, close or reopen)', 'action');
    return this.act(number, name, undefined, options);
  }

  describeMappings(): SourceMappings {
    return describeAkanaMappings();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async act(number: string, action: TicketActionName, comments: string | undefined, options?: CallOptions): Promise<Ticket> {
    await this.client.performAction(number, action, comments, options?.signal);
    return readBack(this.key, { ticketNumber: number, steps: [action] }, () => this.getTicket(number, options));
  }

  private async getTicket(number: string, options?: CallOptions): Promise<Ticket | null> {
    const record = await this.client.getTicket(number, options?.signal);
    return record === null ? null : this.ticket(record);
  }

  private inputError(code: SourceInputError['code'], message: string, field?: string): SourceInputError {
    return new SourceInputError({ source: this.key, code, message: `[${this.key}] ${field ? `${field}: ` : ''}${message}`, ...(field ? { field } : {}) });
  }

  private labelFor(priority: NonNullable<CreateTicketInput['priority']>): PriorityLabel {
    const label = (Object.keys(PRIORITY_BY_LABEL) as PriorityLabel[]).find((l) => PRIORITY_BY_LABEL[l] === priority);
    if (label === undefined) throw this.inputError('INVALID_INPUT', `no ticket label carries priority ${priority}`, 'priority');
    return label;
  }

  private ticket(record: Parameters<typeof ticketFromNative>[1]): Ticket {
    return ticketFromNative(this.key, record, this.origin);
  }

  private async comments(ticketNumber: string, options?: CallOptions): Promise<Comment[]> {
    const records = await this.client.listComments(ticketNumber, options?.signal);
    return (records ?? []).map((r) => commentFromNative(this.key, ticketNumber, r));
  }
}
